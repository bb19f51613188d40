using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Search;

public class IndexLifecycleTests
{
    private static async Task<int> TotalAsync(JobsApiFactory factory, string title)
    {
        var json = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/postings/search?q=" + Uri.EscapeDataString($"\"{title}\"")))!;
        return (int)json["total"]!;
    }

    [Fact]
    public async Task Restart_CorruptIndex_IsRebuiltFromDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var employer = await first.RegisterEmployerAsync();
                await employer.CreatePostingAsync(ApiClient.ValidPosting(title: "潜水教练"));
            }

            foreach (var file in Directory.GetFiles(Path.Combine(folder, "index", "postings")).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
            {
                File.WriteAllBytes(file, [0xde, 0xad, 0xbe, 0xef]);
            }

            using var second = JobsApiFactory.OverFolder(folder);
            Assert.Equal(1, await TotalAsync(second, "潜水教练"));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Restart_IndexMissingARecentChange_ReplaysItFromDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var employer = await first.RegisterEmployerAsync();
                await employer.CreatePostingAsync(ApiClient.ValidPosting(title: "滑雪教练"));
            }

            // A change committed to the database that the index never heard of, as after a crash between the two; like every
            // writer, it records itself in the change log in the same transaction.
            await using (var connection = await TestDatabase.OpenAsync(Path.Combine(folder, "jobs.db")))
            {
                var command = connection.CreateCommand();
                command.CommandText = "UPDATE \"Postings\" SET \"Title\" = '冲浪教练', \"UpdatedAt\" = @now; "
                                      + "INSERT INTO \"IndexChanges\" (\"Kind\", \"EntityId\", \"At\") SELECT 1, \"Id\", @now FROM \"Postings\";";
                // SQLite keeps times as EF writes them (text); PostgreSQL takes the value.
                command.Add("@now", connection is Microsoft.Data.Sqlite.SqliteConnection
                    ? DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)
                    : DateTime.UtcNow);
                Assert.Equal(2, await command.ExecuteNonQueryAsync());
            }

            using var second = JobsApiFactory.OverFolder(folder);
            Assert.Equal(1, await TotalAsync(second, "冲浪教练"));
            Assert.Equal(0, await TotalAsync(second, "滑雪教练"));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Rebuild_AdminEndpoint_ReindexesEverythingAndRefusesOthers()
    {
        using var factory = new JobsApiFactory();
        var employer = await factory.RegisterEmployerAsync();
        await employer.CreatePostingAsync(ApiClient.ValidPosting(title: "攀岩教练"));
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.PostAsync("/api/admin/search/rebuild", null)).StatusCode);
        var admin = await factory.SignInAdminAsync();
        var response = await admin.Client.PostAsync("/api/admin/search/rebuild", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await response.ReadObjectAsync())["postings"]!);
        Assert.Equal(1, await TotalAsync(factory, "攀岩教练"));
    }
}

public sealed class EditableVocabularyFactory : JobsApiFactory
{
    public EditableVocabularyFactory()
    {
        AnalysisDirectory = Path.Combine(DataDirectory, "analysis");
        Directory.CreateDirectory(AnalysisDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data")))
        {
            File.Copy(file, Path.Combine(AnalysisDirectory, Path.GetFileName(file)));
        }
    }

    public string AnalysisDirectory { get; }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Search:AnalysisDataDirectory", AnalysisDirectory)];
}

public class VocabularyReloadTests(EditableVocabularyFactory factory) : IClassFixture<EditableVocabularyFactory>
{
    [Fact]
    public async Task Reload_EditedFile_AppliesNewSynonymWithoutRestart()
    {
        var employer = await factory.RegisterEmployerAsync();
        await employer.CreatePostingAsync(ApiClient.ValidPosting(title: "潜水员"));
        // The posting must be searchable by its own title first, so the synonym is the only thing that can change below.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((int)JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/postings/search?q=" + Uri.EscapeDataString("潜水员")))!["total"]! == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the posting never became searchable");
            await Task.Delay(50);
        }

        var before = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/postings/search?q=" + Uri.EscapeDataString("蛙人")))!;
        Assert.Equal(0, (int)before["total"]!);

        await File.AppendAllTextAsync(Path.Combine(factory.AnalysisDirectory, "vocabulary.txt"), "\n蛙人, 潜水员\n");
        var admin = await factory.SignInAdminAsync();
        var reload = await admin.Client.PostAsync("/api/admin/search/vocabulary/reload", null);
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);

        var after = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/postings/search?q=" + Uri.EscapeDataString("蛙人")))!;
        Assert.Equal(1, (int)after["total"]!);
    }
}
