using Jobs.Core.Demo;
using Jobs.Core.Regions;

namespace Jobs.Benchmarks;

/// <summary>
/// Realistic analyzer input: titles and descriptions of generated postings. Deterministic (fixed seed and anchor),
/// so the benchmark process and the host that prints the Chars/s column see the same text.
/// </summary>
internal static class PostingCorpus
{
    public const int Postings = 1_000;

    private static readonly Lazy<string[]> Corpus = new(Generate);

    public static string[] Texts => Corpus.Value;

    public static long TotalChars => Texts.Sum(t => (long)t.Length);

    private static string[] Generate()
    {
        using var generator = new DemoDataGenerator(CityDirectory.LoadEmbedded(), seed: 2026, new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        var employers = generator.CreateEmployers(200).Select(e => e.Employer).ToList();
        for (var i = 0; i < employers.Count; i++)
        {
            employers[i].Id = i + 1;
        }

        return generator.CreatePostings(employers, Postings).Select(p => p.Title + "\n" + p.Description).ToArray();
    }
}
