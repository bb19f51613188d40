namespace Jobs.Core.Regions;

public sealed class RegionsOptions
{
    public const string Section = "Regions";

    /// <summary>
    /// Path of a regions file in the format of the embedded <c>Data/regions.json</c>. Empty means the embedded file,
    /// which holds the Nanjing metropolitan circle and southern Shandong.
    /// </summary>
    public string? File { get; set; }
}
