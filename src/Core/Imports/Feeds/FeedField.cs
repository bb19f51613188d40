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
    // The column names are the members in snake case (PostedAt → posted_at): appending a member is the whole change.
    private static readonly string[] Names = Enum.GetValues<FeedField>().Select(f => SnakeCase(f.ToString())).ToArray();

    private static readonly Dictionary<string, FeedField> ByName =
        Enum.GetValues<FeedField>().ToDictionary(f => Names[(int)f], StringComparer.OrdinalIgnoreCase);

    public static readonly int Count = Names.Length;

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

    /// <summary>
    /// The column that carries a field of <see cref="Jobs.Core.Postings.PostingInput"/> named as the API names it
    /// (<c>expiresAt</c> → expires_at); the salary figures, months, basis and 面议 all come from the one salary column.
    /// </summary>
    public static bool TryParsePostingField(string apiName, out FeedField field)
    {
        if (apiName.StartsWith("salary", StringComparison.Ordinal) || apiName == "negotiable")
        {
            field = FeedField.Salary;
            return true;
        }

        return TryParse(SnakeCase(apiName), out field);
    }

    public static bool IsRequired(this FeedField field) => Required.Contains(field);

    private static string SnakeCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c) && sb.Length > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
