using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jobs.Core.Postings;

/// <summary>One benefit or condition tag of <c>Data/benefit-tags.json</c>.</summary>
public sealed record BenefitTag(int Index, string Code, string Name, string Group, IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Patterns, IReadOnlyList<Regex> Regexes, IReadOnlyList<string> Negations, IReadOnlyList<string> Implies);

/// <summary>
/// Benefit and condition tags (五险一金, 包吃住, 长白班 …), read once from the embedded <c>Data/benefit-tags.json</c>: explicit
/// values are matched against aliases, descriptions are searched for patterns with negations respected (无双休, 包吃不包住),
/// and implied tags added (包吃住 → 包吃, 包住). See docs/job-taxonomy.md.
/// </summary>
public static class BenefitTags
{
    /// <summary>Explicit tags a posting may carry at most.</summary>
    public const int MaxExplicit = 20;

    private static readonly Lazy<Catalog> Loaded = new(Load);

    /// <summary>Every tag in file order; <see cref="BenefitTag.Index"/> is its position (search keeps tags as bits of a number).</summary>
    public static IReadOnlyList<BenefitTag> All => Loaded.Value.Tags;

    public static BenefitTag? ByCode(string code) => Loaded.Value.ByCode.GetValueOrDefault(code);

    /// <summary>The tag an explicit value names: its name (包吃住), an alias (包食宿) or its code (board-and-lodging).</summary>
    public static BenefitTag? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = LabourTerms.Fold(text);
        return Loaded.Value.ByAlias.GetValueOrDefault(key) ?? Loaded.Value.ByCode.GetValueOrDefault(key);
    }

    /// <summary>
    /// The names to show a reader, given tag codes or names in stored order: a tag another listed tag implies is left out
    /// (包吃住 alone, not 包吃住 包吃 包住). Stored tags keep the implied ones, so a 包吃 filter still finds 包吃住.
    /// </summary>
    public static IReadOnlyList<string> ShownNames(IEnumerable<string> codesOrNames)
    {
        var tags = codesOrNames.Select(t => (Text: t, Tag: Find(t))).ToList();
        var implied = tags.Where(t => t.Tag is not null).SelectMany(t => t.Tag!.Implies).ToHashSet(StringComparer.Ordinal);
        return tags.Where(t => t.Tag is null || !implied.Contains(t.Tag.Code)).Select(t => t.Tag?.Name ?? t.Text).ToList();
    }

    /// <summary>Display name of a tag code; the code itself for an unknown one.</summary>
    public static string NameOf(string code) => ByCode(code)?.Name ?? code;

    /// <summary>
    /// Explicit tags first (each with its implied tags), then every tag found in <paramref name="description"/> that is not
    /// already set, with the matched span as evidence. One entry per tag.
    /// </summary>
    public static List<PostingBenefit> Resolve(IEnumerable<BenefitTag> explicitTags, string? description)
    {
        var result = new List<PostingBenefit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(BenefitTag tag, string source, string? evidence)
        {
            if (!seen.Add(tag.Code))
            {
                return;
            }

            result.Add(new PostingBenefit { Tag = tag.Code, Source = source, Evidence = evidence });
            foreach (var implied in tag.Implies)
            {
                if (ByCode(implied) is { } t)
                {
                    Add(t, source, evidence);
                }
            }
        }

        foreach (var tag in explicitTags)
        {
            Add(tag, PostingBenefit.Explicit, tag.Name);
        }

        foreach (var (tag, evidence) in Extract(description))
        {
            Add(tag, PostingBenefit.Extracted, evidence);
        }

        return result;
    }

    /// <summary>Tags whose patterns occur in <paramref name="text"/> outside every negation of the tag, with the first such span.</summary>
    public static IEnumerable<(BenefitTag Tag, string Evidence)> Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var folded = LabourTerms.Fold(text);
        foreach (var tag in All)
        {
            if (FirstMatch(tag, folded) is { } evidence)
            {
                yield return (tag, evidence);
            }
        }
    }

    /// <summary>Bit mask of the tags, for the search index (the file holds fewer than 64).</summary>
    public static long Mask(IEnumerable<string> codes)
    {
        var mask = 0L;
        foreach (var code in codes)
        {
            if (ByCode(code) is { } tag)
            {
                mask |= 1L << tag.Index;
            }
        }

        return mask;
    }

    private static string? FirstMatch(BenefitTag tag, string folded)
    {
        // Longer patterns first, so the evidence is the fullest phrase (包吃包住 rather than 包吃).
        foreach (var pattern in tag.Patterns)
        {
            for (var at = folded.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(pattern, at + 1, StringComparison.Ordinal))
            {
                if (!TextSpans.Covered(folded, at, pattern.Length, tag.Negations))
                {
                    return pattern;
                }
            }
        }

        foreach (var regex in tag.Regexes)
        {
            foreach (Match m in regex.Matches(folded))
            {
                if (!TextSpans.Covered(folded, m.Index, m.Length, tag.Negations))
                {
                    return m.Value;
                }
            }
        }

        return null;
    }

    private sealed record Catalog(List<BenefitTag> Tags, Dictionary<string, BenefitTag> ByCode, Dictionary<string, BenefitTag> ByAlias);

    private static Catalog Load()
    {
        using var stream = typeof(BenefitTags).Assembly.GetManifestResourceStream("Jobs.Core.Data.benefit-tags.json")
            ?? throw new InvalidOperationException("The embedded benefit tags file is missing.");
        using var json = JsonDocument.Parse(stream);
        var tags = new List<BenefitTag>();
        foreach (var t in json.RootElement.GetProperty("tags").EnumerateArray())
        {
            tags.Add(new BenefitTag(
                tags.Count,
                t.GetProperty("code").GetString()!,
                t.GetProperty("name").GetString()!,
                t.GetProperty("group").GetString()!,
                LabourTerms.Strings(t, "aliases").Select(LabourTerms.Fold).ToList(),
                LabourTerms.Strings(t, "patterns").Select(LabourTerms.Fold).OrderByDescending(p => p.Length).ToList(),
                LabourTerms.Strings(t, "regexes").Select(r => new Regex(r, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))).ToList(),
                LabourTerms.Strings(t, "negations").Select(LabourTerms.Fold).ToList(),
                LabourTerms.Strings(t, "implies").ToList()));
        }

        if (tags.Count > 63)
        {
            throw new InvalidOperationException("benefit-tags.json holds more tags than the search index's 63-bit mask.");
        }

        var byCode = tags.ToDictionary(t => t.Code, StringComparer.Ordinal);
        var byAlias = new Dictionary<string, BenefitTag>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            byAlias.TryAdd(LabourTerms.Fold(tag.Name), tag);
            foreach (var alias in tag.Aliases)
            {
                byAlias.TryAdd(alias, tag);
            }
        }

        return new Catalog(tags, byCode, byAlias);
    }
}
