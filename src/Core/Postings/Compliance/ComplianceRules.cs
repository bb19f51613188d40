using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jobs.Core.Postings.Compliance;

/// <summary>What happens to a posting with a finding of a rule.</summary>
public enum ComplianceOutcome
{
    /// <summary>The posting is refused with a validation problem naming the rule and the words.</summary>
    Reject,

    /// <summary>The posting is saved but held off the public site until an organiser approves it.</summary>
    Hold,

    /// <summary>The posting goes live; the finding is returned as a warning.</summary>
    Warn,
}

/// <summary>One rule of <c>Data/compliance-rules.json</c>.</summary>
public sealed record ComplianceRule(
    string Code,
    string Name,
    string Law,
    string Explain,
    ComplianceOutcome DefaultOutcome,
    IReadOnlyList<Regex> Patterns,
    IReadOnlyList<Regex> Exceptions,
    IReadOnlyList<string> LawfulContexts,
    IReadOnlyList<string> Triggers,
    bool Structured);

/// <summary>
/// The compliance rules, read once from the embedded <c>Data/compliance-rules.json</c> (documented in docs/job-taxonomy.md):
/// discriminatory requirements found in text, and the structured salary rule.
/// </summary>
public static class ComplianceRules
{
    public const string Gender = "gender";
    public const string Age = "age";
    public const string Marital = "marital";
    public const string Ethnicity = "ethnicity";
    public const string Household = "household";
    public const string Health = "health";
    public const string Salary = "salary";

    /// <summary>Generous: patterns are linear, but a loaded machine can stall a thread; a timeout skips the pattern (see the checker).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly Lazy<IReadOnlyList<ComplianceRule>> Loaded = new(Load);

    public static IReadOnlyList<ComplianceRule> All => Loaded.Value;

    public static ComplianceRule? ByCode(string? code) => All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rule's Chinese name, or the code itself for one no longer in the file.</summary>
    public static string NameOf(string code) => ByCode(code)?.Name ?? code;

    private static List<ComplianceRule> Load()
    {
        using var stream = typeof(ComplianceRules).Assembly.GetManifestResourceStream("Jobs.Core.Data.compliance-rules.json")
            ?? throw new InvalidOperationException("The embedded compliance rules file is missing.");
        using var json = JsonDocument.Parse(stream);
        var rules = new List<ComplianceRule>();
        foreach (var r in json.RootElement.GetProperty("rules").EnumerateArray())
        {
            var code = r.GetProperty("code").GetString()!;
            if (!Enum.TryParse<ComplianceOutcome>(r.GetProperty("outcome").GetString(), ignoreCase: true, out var outcome))
            {
                throw new InvalidOperationException($"compliance-rules.json: rule {code} has an unknown outcome.");
            }

            rules.Add(new ComplianceRule(
                code,
                r.GetProperty("name").GetString()!,
                r.GetProperty("law").GetString()!,
                r.GetProperty("explain").GetString()!,
                outcome,
                Regexes(r, "patterns"),
                Regexes(r, "exceptions"),
                LabourTerms.Strings(r, "lawfulContexts").Select(LabourTerms.Fold).ToList(),
                LabourTerms.Strings(r, "triggers").Select(LabourTerms.Fold).ToList(),
                r.TryGetProperty("structured", out _)));
        }

        return rules;
    }

    private static List<Regex> Regexes(JsonElement rule, string property) =>
        LabourTerms.Strings(rule, property)
            .Select(p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout))
            .ToList();
}
