using Jobs.Search;
using Jobs.Search.Indexing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jobs.Tests.Search;

public sealed class LuceneIndexTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "jobs-index-tests", Guid.NewGuid().ToString("N"));

    private LuceneIndex Open(int schema = 1) => new("test", _path, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48), schema,
        new SearchOptions { RefreshIntervalMilliseconds = 50, CommitIntervalSeconds = 1 }, TimeProvider.System, NullLogger.Instance);

    private static Document Doc(string id, string text) =>
        [new StringField(IndexFields.Id, id, Field.Store.YES), new TextField("text", text, Field.Store.YES)];

    private static int Count(LuceneIndex index, string term)
    {
        using var lease = index.Acquire();
        return lease.Searcher.Search(new TermQuery(new Term("text", term)), 10).TotalHits;
    }

    [Fact]
    public void Open_NewFolder_IsMissingThenCurrentAfterReopen()
    {
        using (var index = Open())
        {
            Assert.Equal(IndexState.Missing, index.State);
            index.Upsert("1", Doc("1", "java"));
        }

        using var reopened = Open();
        Assert.Equal(IndexState.Current, reopened.State);
        Assert.Equal(1, Count(reopened, "java"));
        Assert.NotNull(reopened.LastCommitUtc);
    }

    [Fact]
    public void Upsert_SameId_ReplacesAndRefreshShowsIt()
    {
        using var index = Open();
        index.Upsert("1", Doc("1", "java"));
        index.Upsert("1", Doc("1", "python"));
        index.Refresh();
        Assert.Equal(0, Count(index, "java"));
        Assert.Equal(1, Count(index, "python"));
        index.Delete("1");
        index.Refresh();
        Assert.Equal(0, Count(index, "python"));
    }

    [Fact]
    public async Task Upsert_WithoutExplicitRefresh_BecomesVisibleWithinOneSecond()
    {
        using var index = Open();
        index.Upsert("7", Doc("7", "kotlin"));
        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (Count(index, "kotlin") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, Count(index, "kotlin"));
    }

    [Fact]
    public void Open_AfterRebuildStoppedMidway_IsInterruptedAndStartsEmpty()
    {
        using (var index = Open())
        {
            index.Upsert("1", Doc("1", "java"));
            index.Commit();
            index.BeginRebuild();
            index.Add(Doc("2", "python"));
            // A graceful shutdown in the middle of the rebuild commits the partial index.
        }

        using var reopened = Open();
        Assert.Equal(IndexState.Interrupted, reopened.State);
        Assert.Equal(0, reopened.DocumentCount);
    }

    [Fact]
    public void Open_AfterCompletedRebuild_IsCurrentWithRebuiltDocuments()
    {
        using (var index = Open())
        {
            index.Upsert("1", Doc("1", "java"));
            index.BeginRebuild();
            index.Add(Doc("2", "python"));
            index.CompleteRebuild();
        }

        using var reopened = Open();
        Assert.Equal(IndexState.Current, reopened.State);
        Assert.Equal(0, Count(reopened, "java"));
        Assert.Equal(1, Count(reopened, "python"));
    }

    [Fact]
    public void Open_OlderSchema_StartsEmptyForRebuild()
    {
        using (var index = Open(schema: 1))
        {
            index.Upsert("1", Doc("1", "java"));
        }

        using var newer = Open(schema: 2);
        Assert.Equal(IndexState.OlderSchema, newer.State);
        Assert.Equal(0, newer.DocumentCount);
    }

    [Fact]
    public void Open_CorruptFiles_IsCorruptAndStartsEmpty()
    {
        using (var index = Open())
        {
            index.Upsert("1", Doc("1", "java"));
        }

        foreach (var file in Directory.GetFiles(_path).Where(f => !Path.GetFileName(f).StartsWith("write.lock", StringComparison.Ordinal)))
        {
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);
        }

        using var reopened = Open();
        Assert.Equal(IndexState.Corrupt, reopened.State);
        Assert.Equal(0, reopened.DocumentCount);
        reopened.Upsert("2", Doc("2", "rust"));
        reopened.Refresh();
        Assert.Equal(1, Count(reopened, "rust"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
