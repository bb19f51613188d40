using System.Globalization;
using System.Text;

namespace Jobs.Core.Imports;

/// <summary>
/// Normalises employer names and titles so the same vacancy is recognised in two cities' feeds: Traditional to
/// Simplified, full-width to half-width, case, and spaces and punctuation dropped (南京 華爲 （科技） = 南京华为科技).
/// One instance per import run: ICU transliterators must not be shared between threads.
/// </summary>
internal sealed class DuplicateKeys : IDisposable
{
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private Icu.Transliterator? _toSimplified;

    public static string EmployerIdentity(string? creditCode, string normalizedName) =>
        creditCode is { Length: > 0 } code ? "c:" + code : "n:" + normalizedName;

    public static string For(string employerIdentity, string normalizedTitle, string workCityCode) =>
        string.Concat(employerIdentity, "|", normalizedTitle, "|", workCityCode);

    public string Normalize(string text)
    {
        if (_cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var simplified = ToSimplified(text.Normalize(NormalizationForm.FormKC));
        var sb = new StringBuilder(simplified.Length);
        foreach (var c in simplified)
        {
            var category = char.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || category is UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
                    or UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation)
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        var key = sb.ToString();
        if (_cache.Count < 200_000)
        {
            _cache[text] = key;
        }

        return key;
    }

    private string ToSimplified(string text)
    {
        if (!HasHan(text) || !Common.IcuNative.IsAvailable)
        {
            return text;
        }

        // Without ICU, Traditional text is compared as written: duplicates across scripts are then missed, which leaves
        // two postings, never a wrong merge.
        try
        {
            _toSimplified ??= Icu.Transliterator.CreateInstance("Hant-Hans");
            return _toSimplified.Transliterate(text);
        }
        catch (Exception)
        {
            return text;
        }
    }

    private static bool HasHan(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u3400')
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _toSimplified?.Dispose();
}
