namespace Jobs.Core.Imports.Feeds;

/// <summary>The columns of feed format v1, in the order of the contract (docs/feed-format-v1.md).</summary>
public enum FeedField
{
    ExternalId,
    Title,
    EmployerName,
    EmployerCreditCode,
    City,
    District,
    Category,
    Salary,
    Education,
    Experience,
    Headcount,
    Skills,
    Description,
    PostedAt,
    ExpiresAt,
    Status,

    // Feed format v1.1: optional, appended so v1 files read exactly as before.
    Type,
    Cohort,
    Benefits,
    Function,
}

public static class FeedFields
{
    private static readonly string[] Names =
    [
        "external_id", "title", "employer_name", "employer_credit_code", "city", "district", "category", "salary",
        "education", "experience", "headcount", "skills", "description", "posted_at", "expires_at", "status",
        "type", "cohort", "benefits", "function",
    ];

    private static readonly Dictionary<string, FeedField> ByName =
        Enum.GetValues<FeedField>().ToDictionary(f => Names[(int)f], StringComparer.OrdinalIgnoreCase);

    public const int Count = 20;

    public static IReadOnlyList<FeedField> Required { get; } =
        [FeedField.ExternalId, FeedField.Title, FeedField.EmployerName, FeedField.City, FeedField.Description, FeedField.PostedAt];

    /// <summary>The CSV header name and JSON key: <c>external_id</c>, <c>posted_at</c>, …</summary>
    public static string Name(this FeedField field) => Names[(int)field];

    /// <summary>Matches a header name or JSON key, ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? name, out FeedField field)
    {
        field = default;
        return name is not null && ByName.TryGetValue(name.Trim(), out field);
    }

    public static bool IsRequired(this FeedField field) => Required.Contains(field);
}
