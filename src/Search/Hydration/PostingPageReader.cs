using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Postings;
using Jobs.Search.Postings;
using Microsoft.Data.Sqlite;

namespace Jobs.Search.Hydration;

/// <summary>
/// Reads the postings of one result page, with their employers' names, in a single SQL statement straight into entities.
/// EF Core's query pipeline, materialiser and JSON-owned collections cost about 100 µs a row and a fixed millisecond a call,
/// which made hydration the largest part of a search answered over HTTP; a data reader costs a few microseconds a row.
/// The entities equal what EF would read (every column, UTC dates), so callers need not know which path filled them.
/// </summary>
internal static class PostingPageReader
{
    // The page's ids go in as one JSON array parameter, so the statement text (and SQLite's prepared plan) never varies.
    private const string Sql = """
        SELECT p."Id", p."EmployerId", p."Title", p."Description", p."CityCode", p."District", p."Category", p."FunctionCode",
               p."SalaryMin", p."SalaryMax", p."SalaryMonths", p."SalaryNegotiable", p."SalaryBasis", p."PostedSalaryMin",
               p."PostedSalaryMax", p."Education", p."Experience", p."AcceptsBeginners", p."Type", p."Cohort", p."Headcount",
               p."Skills", p."PostedAt", p."UpdatedAt", p."ExpiresAt", p."Status", p."ClosedAt", p."Holds", p."Benefits", e."Name"
        FROM "Postings" AS p
        INNER JOIN "Employers" AS e ON e."Id" = p."EmployerId"
        WHERE p."Id" IN (SELECT value FROM json_each($ids))
        """;

    public static async Task<Dictionary<long, PageRow>> ReadAsync(string connectionString, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<long, PageRow>(ids.Count);
        if (ids.Count == 0)
        {
            return rows;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$ids", IdsJson(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var posting = Read(reader);
            rows[posting.Id] = new PageRow(posting, reader.GetString(29));
        }

        return rows;
    }

    private static Posting Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        EmployerId = r.GetInt64(1),
        Title = r.GetString(2),
        Description = r.GetString(3),
        CityCode = r.GetString(4),
        District = NullableString(r, 5),
        Category = NullableString(r, 6),
        FunctionCode = NullableString(r, 7),
        SalaryMin = r.IsDBNull(8) ? null : r.GetInt32(8),
        SalaryMax = r.IsDBNull(9) ? null : r.GetInt32(9),
        SalaryMonths = r.GetInt32(10),
        SalaryNegotiable = r.GetBoolean(11),
        SalaryBasis = (SalaryBasis)r.GetInt32(12),
        PostedSalaryMin = r.IsDBNull(13) ? null : r.GetDouble(13),
        PostedSalaryMax = r.IsDBNull(14) ? null : r.GetDouble(14),
        Education = (EducationLevel)r.GetInt32(15),
        Experience = (ExperienceLevel)r.GetInt32(16),
        AcceptsBeginners = r.GetBoolean(17),
        Type = (PostingType)r.GetInt32(18),
        Cohort = r.IsDBNull(19) ? null : r.GetInt32(19),
        Headcount = r.GetInt32(20),
        Skills = JsonSerializer.Deserialize(r.GetString(21), PageJson.Default.ListString) ?? [],
        PostedAt = Utc(r, 22),
        UpdatedAt = Utc(r, 23),
        ExpiresAt = r.IsDBNull(24) ? null : Utc(r, 24),
        Status = (PostingStatus)r.GetInt32(25),
        ClosedAt = r.IsDBNull(26) ? null : Utc(r, 26),
        Holds = (PostingHolds)r.GetInt32(27),
        Benefits = r.IsDBNull(28) ? [] : JsonSerializer.Deserialize(r.GetString(28), PageJson.Default.ListPostingBenefit) ?? [],
    };

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    // EF stores UTC without a kind and its converter marks what it reads as UTC; the same here.
    private static DateTime Utc(SqliteDataReader r, int i) => DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    private static string IdsJson(IReadOnlyList<long> ids)
    {
        var sb = new StringBuilder(ids.Count * 8).Append('[');
        for (var i = 0; i < ids.Count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append(ids[i].ToString(CultureInfo.InvariantCulture));
        }

        return sb.Append(']').ToString();
    }
}

/// <summary>The JSON columns of a posting (skills, benefits) as EF writes them, read without reflection.</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<PostingBenefit>))]
internal sealed partial class PageJson : JsonSerializerContext;
