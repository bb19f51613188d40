using System.Text.Json;
using Jobs.Core.Storage;
using Jobs.Search.Postings;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Search;

public sealed class HydrationFactory : JobsApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Storage:SeedDemoData", "true"),
        new("DemoData:Employers", "20"),
        new("DemoData:Postings", "200"),
        new("DemoData:Graduates", "5"),
    ];
}

/// <summary>Search pages are read with one SQL statement instead of EF (issue 18); the entities must be the ones EF reads.</summary>
public class PostingHydrationTests(HydrationFactory factory) : IClassFixture<HydrationFactory>
{
    [Fact]
    public async Task LoadPage_SeededPostings_EqualWhatEfReads()
    {
        _ = factory.CreateClient();
        var search = factory.Services.GetRequiredService<PostingSearchService>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var expected = await (from p in db.Postings.AsNoTracking()
                              join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                              select new { Posting = p, EmployerName = e.Name }).ToListAsync();
        Assert.True(expected.Count >= 150, $"{expected.Count} postings seeded");
        // The demo has Traditional text, negotiable pay, cohorts and benefit lists; every column must come through.
        Assert.Contains(expected, x => x.Posting.SalaryMin is null);
        Assert.Contains(expected, x => x.Posting.Benefits.Count > 0);

        var rows = await search.LoadPageAsync([.. expected.Select(x => x.Posting.Id)], CancellationToken.None);

        Assert.Equal(expected.Count, rows.Count);
        foreach (var x in expected)
        {
            var row = rows[x.Posting.Id];
            Assert.Equal(x.EmployerName, row.EmployerName);
            Assert.Equal(JsonSerializer.Serialize(x.Posting), JsonSerializer.Serialize(row.Posting));
            Assert.Equal(DateTimeKind.Utc, row.Posting.PostedAt.Kind);
        }
    }

    [Fact]
    public async Task LoadPage_UnknownAndNoIds_ReturnsOnlyExistingRows()
    {
        _ = factory.CreateClient();
        var search = factory.Services.GetRequiredService<PostingSearchService>();

        Assert.Empty(await search.LoadPageAsync([], CancellationToken.None));
        var rows = await search.LoadPageAsync([1, 2, long.MaxValue, -5], CancellationToken.None);

        Assert.Equal([1L, 2L], rows.Keys.Order());
    }
}
