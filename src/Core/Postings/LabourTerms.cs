using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;

namespace Jobs.Core.Postings;

/// <summary>
/// The spellings of education, experience, posting types and salary bases that adverts and feeds use, read once from the
/// embedded <c>Data/labour-terms.json</c> (see docs/job-taxonomy.md). Lookups compare the whole value after <see cref="Fold"/>.
/// </summary>
public static partial class LabourTerms
{
    private static readonly Lazy<Terms> Loaded = new(Load);

    /// <summary>Education aliases (初中, 技校, 统招本科, 研究生 …) to the ladder's levels.</summary>
    public static IReadOnlyDictionary<string, EducationLevel> EducationAliases => Loaded.Value.Education;

    /// <summary>Experience aliases (无经验可培训, 应届生 …) with whether they also mark the posting as open to beginners.</summary>
    public static IReadOnlyDictionary<string, (ExperienceLevel Level, bool Beginners)> ExperienceAliases => Loaded.Value.Experience;

    /// <summary>Posting-type aliases (社招 → 全职, 暑期实习 → 实习 …).</summary>
    public static IReadOnlyDictionary<string, PostingType> TypeAliases => Loaded.Value.Types;

    /// <summary>Description phrases that welcome beginners (零基础, 包教包会 …) and the phrases that take that back (无经验勿扰).</summary>
    public static IReadOnlyList<string> BeginnerPatterns => Loaded.Value.BeginnerPatterns;

    public static IReadOnlyList<string> BeginnerNegations => Loaded.Value.BeginnerNegations;

    /// <summary>Salary-basis words (月薪, 日薪, 元/天, 面议 …) to bases; 面议 maps to null.</summary>
    public static IReadOnlyDictionary<string, SalaryBasis?> SalaryBasisAliases => Loaded.Value.Bases;

    /// <summary>Width-folded, lower-case, without spaces; the range dashes ～ — 至 read as '-'.</summary>
    public static string Fold(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c is '～' or '〜' or '~' or '—' or '–' ? '-' : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>True when <paramref name="text"/> welcomes people without experience and no negation covers the phrase.</summary>
    public static bool WelcomesBeginners(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = Fold(text);
        foreach (var pattern in BeginnerPatterns)
        {
            for (var at = folded.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(pattern, at + 1, StringComparison.Ordinal))
            {
                if (!TextSpans.Covered(folded, at, pattern.Length, BeginnerNegations))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A cohort (届别) written as 2026届, 26届, 2026 or 2026届毕业生; the four-digit year, or null.</summary>
    public static int? ParseCohortYear(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = Fold(text);
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        var m = CohortRegex().Match(t);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[1].Value.Length == 2 ? 2000 + year : year;
    }

    [GeneratedRegex(@"^((?:20)?\d{2})(?:届|年)?(?:应届)?(?:毕业生|毕业|校招|实习)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CohortRegex();

    private sealed record Terms(
        Dictionary<string, EducationLevel> Education,
        Dictionary<string, (ExperienceLevel, bool)> Experience,
        Dictionary<string, PostingType> Types,
        List<string> BeginnerPatterns,
        List<string> BeginnerNegations,
        Dictionary<string, SalaryBasis?> Bases);

    private static Terms Load()
    {
        using var stream = typeof(LabourTerms).Assembly.GetManifestResourceStream("Jobs.Core.Data.labour-terms.json")
            ?? throw new InvalidOperationException("The embedded labour terms file is missing.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;

        var education = new Dictionary<string, EducationLevel>(StringComparer.Ordinal);
        foreach (var level in root.GetProperty("education").GetProperty("levels").EnumerateArray())
        {
            var value = EducationLevels.FromCode(level.GetProperty("code").GetString()!);
            foreach (var alias in Strings(level, "aliases"))
            {
                education.TryAdd(Fold(alias), value);
            }
        }

        var experience = new Dictionary<string, (ExperienceLevel, bool)>(StringComparer.Ordinal);
        foreach (var level in root.GetProperty("experience").GetProperty("levels").EnumerateArray())
        {
            var value = Enum.Parse<ExperienceLevel>(level.GetProperty("enum").GetString()!);
            var beginners = Strings(level, "setsAcceptsBeginners").Select(Fold).ToHashSet(StringComparer.Ordinal);
            foreach (var alias in Strings(level, "aliases"))
            {
                var key = Fold(alias);
                experience.TryAdd(key, (value, beginners.Contains(key)));
            }
        }

        var patterns = root.GetProperty("experience").GetProperty("beginnerPatterns");
        var types = new Dictionary<string, PostingType>(StringComparer.Ordinal);
        foreach (var type in root.GetProperty("postingTypes").GetProperty("types").EnumerateArray())
        {
            var value = PostingTypes.FromCode(type.GetProperty("code").GetString()!);
            foreach (var alias in Strings(type, "aliases"))
            {
                types.TryAdd(Fold(alias), value);
            }
        }

        var bases = new Dictionary<string, SalaryBasis?>(StringComparer.Ordinal);
        foreach (var basis in root.GetProperty("salaryBases").GetProperty("bases").EnumerateArray())
        {
            SalaryBasis? value = basis.GetProperty("code").GetString() switch
            {
                "monthly" => SalaryBasis.Monthly,
                "daily" => SalaryBasis.Daily,
                "hourly" => SalaryBasis.Hourly,
                "yearly" => SalaryBasis.Yearly,
                _ => null,
            };
            bases.TryAdd(Fold(basis.GetProperty("name").GetString()!), value);
            foreach (var alias in Strings(basis, "aliases"))
            {
                bases.TryAdd(Fold(alias), value);
            }
        }

        return new Terms(education, experience, types, Strings(patterns, "patterns").Select(Fold).ToList(),
            Strings(patterns, "negations").Select(Fold).ToList(), bases);
    }

    internal static IEnumerable<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) ? array.EnumerateArray().Select(a => a.GetString()!).ToList() : [];
}

/// <summary>Span checks shared by the phrase extractors.</summary>
internal static class TextSpans
{
    /// <summary>True when some occurrence of a negation phrase in <paramref name="text"/> covers [start, start+length).</summary>
    public static bool Covered(string text, int start, int length, IReadOnlyList<string> negations)
    {
        foreach (var negation in negations)
        {
            if (negation.Length < length)
            {
                continue;
            }

            // The first occurrence that could still reach the match's end; it covers the match when it starts at or before it.
            var at = text.IndexOf(negation, Math.Max(0, start + length - negation.Length), StringComparison.Ordinal);
            if (at >= 0 && at <= start)
            {
                return true;
            }
        }

        return false;
    }
}
