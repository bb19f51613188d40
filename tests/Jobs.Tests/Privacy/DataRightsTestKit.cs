using Jobs.Background.Privacy;
using Jobs.Core.Resumes;
using Jobs.Search.Resumes;
using Jobs.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Privacy;

internal static class DataRightsTestKit
{
    /// <summary>Runs the data-rights job the way Hangfire does: in a scope of its own, on the host's clock.</summary>
    public static async Task<DataRightsOutcome> RunDataRightsJobAsync(this JobsApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DataRightsJob>().ExecuteAsync(CancellationToken.None);
    }

    /// <summary>Whether the résumé index holds the résumé, under any visibility, for a query its text matches.</summary>
    public static bool InResumeIndex(this JobsApiFactory factory, long resumeId, string query)
    {
        factory.Services.GetRequiredService<ResumeIndex>().Index.Refresh();
        var result = factory.Services.GetRequiredService<ResumeSearchService>().Search(new ResumeSearchRequest
        {
            Query = query,
            Visibilities = [ResumeVisibility.Public, ResumeVisibility.EmployersOnly, ResumeVisibility.Hidden],
            PageSize = 100,
        });
        return result.Items.Any(i => i.Id == resumeId);
    }

    /// <summary>
    /// Every text value of every column of every table in the SQLite file that contains one of <paramref name="needles"/>,
    /// as "table.column: value". Columns of any declared type are read as text, so a number-looking phone is found too.
    /// </summary>
    public static async Task<List<string>> FindInDatabaseAsync(string databasePath, IReadOnlyCollection<string> needles)
    {
        var hits = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("Users", tables);
        Assert.Contains("Resumes", tables);
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var info = connection.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }

            foreach (var column in columns)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var value = reader.GetString(0);
                    // JSON columns keep Chinese as \u escapes; unescape so a name inside a JSON list is found too.
                    var readable = System.Text.RegularExpressions.Regex.Replace(value, @"\\u([0-9a-fA-F]{4})",
                        m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
                    foreach (var needle in needles.Where(n => readable.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    {
                        hits.Add($"{table}.{column}: {needle} in {value}");
                    }
                }
            }
        }

        return hits;
    }
}
