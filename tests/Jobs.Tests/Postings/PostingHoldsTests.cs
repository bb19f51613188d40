using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Core.Postings;
using Jobs.Core.Storage;
using Jobs.Search.Postings;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Postings;

/// <summary>
/// A hold keeps an open posting off everything public (search, lists, its page, applying) while its employer and those
/// who review it still see it, marked with why.
/// </summary>
public class PostingHoldsTests : IClassFixture<JobsApiFactory>
{
    private readonly JobsApiFactory _factory;

    public PostingHoldsTests(JobsApiFactory factory) => _factory = factory;

    private async Task HoldAsync(long postingId, PostingHolds holds)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var posting = await db.Postings.SingleAsync(p => p.Id == postingId);
        posting.Holds = holds;
        posting.UpdatedAt = _factory.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<PostingIndex>().PostingsChangedAsync([postingId], CancellationToken.None);
    }

    private async Task<int> SearchTotalAsync(string title)
    {
        var found = await _factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/postings/search?q=" + Uri.EscapeDataString(title));
        return (int)found!["total"]!;
    }

    /// <summary>The index refreshes its readers on a short timer: wait for the change to show, within a bound.</summary>
    private async Task<int> SearchTotalWhenAsync(string title, int expected)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int total;
        while ((total = await SearchTotalAsync(title)) != expected && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(25);
        }

        return total;
    }

    [Fact]
    public async Task Holds_ComplianceReview_HiddenFromPublicButShownToOwner()
    {
        var employer = await _factory.RegisterEmployerAsync();
        const string title = "暂缓公开测试岗";
        var id = await employer.CreatePostingAsync(ApiClient.ValidPosting(title));
        Assert.Equal(1, await SearchTotalWhenAsync(title, 1));

        await HoldAsync(id, PostingHolds.ComplianceReview);

        var anonymous = _factory.CreateClient();
        Assert.Equal(0, await SearchTotalWhenAsync(title, 0));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/postings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/jobs/{id}")).StatusCode);
        var publicList = await anonymous.GetFromJsonAsync<JsonObject>($"/api/postings?employerId={employer.EmployerId}");
        Assert.Equal(0, (int)publicList!["total"]!);
        Assert.DoesNotContain($"/jobs/{id}<", await anonymous.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);

        var graduate = await _factory.RegisterGraduateAsync();
        await graduate.CreateResumeAsync();
        var apply = await graduate.Client.PostAsJsonAsync($"/api/postings/{id}/applications", new { coverLetter = "想申请" });
        Assert.Equal(HttpStatusCode.NotFound, apply.StatusCode);

        var own = await employer.Client.GetFromJsonAsync<JsonObject>($"/api/postings/{id}");
        Assert.Equal("complianceReview", (string)own!["holds"]![0]!);
        var ownList = await employer.Client.GetFromJsonAsync<JsonObject>($"/api/postings?employerId={employer.EmployerId}");
        Assert.Equal(1, (int)ownList!["total"]!);
        var page = await employer.Client.GetAsync($"/jobs/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("等待合规审核", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await HoldAsync(id, PostingHolds.None);
        Assert.Equal(1, await SearchTotalWhenAsync(title, 1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/postings/{id}")).StatusCode);
    }
}
