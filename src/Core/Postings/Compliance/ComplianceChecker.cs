using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jobs.Core.Postings.Compliance;

/// <summary>A finding: the rule, the posting field it was found in (the API's JSON name) and the words as the employer wrote them.</summary>
public sealed record ComplianceIssue(string Rule, string Field, string Words)
{
    /// <summary>The rule's Chinese name.</summary>
    public string RuleName => ComplianceRules.NameOf(Rule);

    /// <summary>What a reader is told: 性别歧视：“限男性”（《就业促进法》第三条…）.</summary>
    public string Describe()
    {
        var rule = ComplianceRules.ByCode(Rule);
        return rule is null ? $"{Rule}：“{Words}”" : $"{rule.Name}：“{Words}”，{rule.Explain}（{rule.Law}）";
    }

    /// <summary>The identity an approval remembers: the same rule and words found again after an edit stay approved.</summary>
    public string Key => $"{Rule}:{Words}";
}

/// <summary>
/// Finds discriminatory requirements in a posting's text with the rules of <see cref="ComplianceRules"/>, and a missing
/// salary. Pure and thread-safe; <see cref="PostingValues.Check"/> calls it for every entry path (API, pages, feeds).
/// </summary>
public static class ComplianceChecker
{
    /// <summary>Every finding of every text rule in the title, the description and the skills, in that order.</summary>
    public static List<ComplianceIssue> CheckText(string? title, string? description, IReadOnlyList<string>? skills)
    {
        var issues = new List<ComplianceIssue>();
        Scan(title, "title", issues);
        Scan(description, "description", issues);
        if (skills is { Count: > 0 })
        {
            Scan(string.Join("、", skills), "skills", issues);
        }

        return issues;
    }

    /// <summary>The salary finding of a posting that is negotiable (面议) and states no figures; null when pay is stated.</summary>
    public static ComplianceIssue? CheckSalary(bool negotiable, decimal? salaryMin, decimal? salaryMax) =>
        negotiable && salaryMin is null && salaryMax is null ? new ComplianceIssue(ComplianceRules.Salary, "salaryMin", "面议") : null;

    private static void Scan(string? text, string field, List<ComplianceIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var (folded, starts, ends) = Fold(text);
        foreach (var rule in ComplianceRules.All)
        {
            if (rule.Structured
                || !rule.Triggers.Any(t => folded.Contains(t, StringComparison.Ordinal))
                || rule.LawfulContexts.Any(c => folded.Contains(c, StringComparison.Ordinal)))
            {
                continue;
            }

            var spans = Matches(rule.Patterns, folded);
            if (spans.Count == 0)
            {
                continue;
            }

            var excepted = Matches(rule.Exceptions, folded);
            spans.RemoveAll(s => excepted.Any(e => e.Start < s.End && e.End > s.Start));

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (start, end) in Merge(spans))
            {
                var words = text[starts[start]..ends[end - 1]].Trim();
                if (seen.Add(words))
                {
                    issues.Add(new ComplianceIssue(rule.Code, field, words));
                }
            }
        }
    }

    private static List<(int Start, int End)> Matches(IReadOnlyList<Regex> regexes, string folded)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var regex in regexes)
        {
            try
            {
                foreach (Match m in regex.Matches(folded))
                {
                    if (m.Length > 0)
                    {
                        spans.Add((m.Index, m.Index + m.Length));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // The patterns are linear, so only a stalled machine gets here; a posting is never refused because of it.
            }
        }

        return spans;
    }

    private static IEnumerable<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        if (spans.Count == 0)
        {
            yield break;
        }

        spans.Sort();
        var (start, end) = spans[0];
        foreach (var (s, e) in spans.Skip(1))
        {
            if (s <= end)
            {
                end = Math.Max(end, e);
            }
            else
            {
                yield return (start, end);
                (start, end) = (s, e);
            }
        }

        yield return (start, end);
    }

    /// <summary>
    /// The text as patterns see it (see the file's "matching.folding"), with where in <paramref name="text"/> every folded
    /// character comes from (start and end of its source character), so the quoted words are what the employer wrote.
    /// </summary>
    internal static (string Folded, int[] Starts, int[] Ends) Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            var at = enumerator.ElementIndex;
            string normalized;
            try
            {
                normalized = element.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // A lone surrogate cannot be normalised; it matches nothing either way.
                normalized = element;
            }

            foreach (var c in normalized)
            {
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                sb.Append(c is '～' or '〜' or '~' or '—' or '–' or '－' ? '-' : char.ToLowerInvariant(c));
                starts.Add(at);
                ends.Add(at + element.Length);
            }
        }

        return (sb.ToString(), starts.ToArray(), ends.ToArray());
    }
}
