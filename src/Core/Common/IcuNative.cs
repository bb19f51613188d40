namespace Jobs.Core.Common;

/// <summary>The native ICU library, initialised once per process before any thread uses it (icu.net's advice).</summary>
internal static class IcuNative
{
    private static readonly Lazy<bool> Ready = new(() =>
    {
        try
        {
            Icu.Wrapper.Init();
            return true;
        }
        catch (Exception)
        {
            // icu.net reports a missing or unsupported native ICU with several exception types (FileLoadException,
            // DllNotFoundException, ...); callers fall back to leaving text as written.
            return false;
        }
    });

    public static bool IsAvailable => Ready.Value;
}
