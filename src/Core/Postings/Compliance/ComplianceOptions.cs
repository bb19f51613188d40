using Microsoft.Extensions.Options;

namespace Jobs.Core.Postings.Compliance;

/// <summary>
/// <c>Compliance:</c> settings: the outcome of each rule of <c>Data/compliance-rules.json</c> by its code
/// (<c>Compliance:Rules:gender = Reject</c>); a rule not named keeps the file's default.
/// </summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    public Dictionary<string, ComplianceOutcome> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Refuses to start with a rule code the rules file does not know (a typo would silently keep the default).</summary>
public sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
    {
        var unknown = options.Rules.Keys.Where(k => ComplianceRules.ByCode(k) is null).ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Compliance:Rules names unknown rules: {string.Join(", ", unknown)}. Known: {string.Join(", ", ComplianceRules.All.Select(r => r.Code))}.");
    }
}

/// <summary>The outcome of every rule as configured; what <see cref="PostingValues.Check"/> applies.</summary>
public sealed class CompliancePolicy(IReadOnlyDictionary<string, ComplianceOutcome> overrides)
{
    /// <summary>The file's defaults: discriminatory wording held for review, a missing salary a warning.</summary>
    public static CompliancePolicy Default { get; } = new(new Dictionary<string, ComplianceOutcome>());

    public CompliancePolicy(IOptions<ComplianceOptions> options)
        : this(new Dictionary<string, ComplianceOutcome>(options.Value.Rules, StringComparer.OrdinalIgnoreCase))
    {
    }

    public ComplianceOutcome OutcomeOf(string rule) =>
        overrides.TryGetValue(rule, out var outcome) ? outcome : ComplianceRules.ByCode(rule)?.DefaultOutcome ?? ComplianceOutcome.Hold;
}
