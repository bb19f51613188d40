using System.Net;
using Jobs.Core.Common;
using Jobs.Core.Imports;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Web.Imports;

/// <summary>A host with one configured city feed (a file), for the sources list and "立即运行" on the imports page.</summary>
public sealed class ImportSourcesPageFixture : JobsApiFactory
{
    public string FeedFile => Path.Combine(DataDirectory, "feeds", "nanjing-page.csv");

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Imports:Sources:0:City", "南京"),
        new("Imports:Sources:0:Location", FeedFile),
        new("Imports:Sources:0:Cron", "0 3 1 1 *"),
    ];
}

public sealed class ImportSourcesPageTests(ImportSourcesPageFixture factory) : IClassFixture<ImportSourcesPageFixture>
{
    [Fact]
    public async Task RunNow_OwnCityFromPage_QueuesTheFeedAndTheRunAppears_OtherCityRefused()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(factory.FeedFile)!);
        await File.WriteAllBytesAsync(factory.FeedFile, Csv(Rows("page-run", 2)));
        var nanjing = new SiteClient(factory);
        await nanjing.SignInAsync((await factory.CreateOrganiserAsync("南京")).Email, ApiClient.Password);
        var wuhu = new SiteClient(factory);
        await wuhu.SignInAsync((await factory.CreateOrganiserAsync("芜湖")).Email, ApiClient.Password);

        var page = await nanjing.GetStringAsync("/organiser/imports");
        Assert.Contains("已配置的数据源", page, StringComparison.Ordinal);
        Assert.Contains("nanjing-page.csv", page, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.DataDirectory, page, StringComparison.Ordinal);
        Assert.Contains("action=\"/organiser/imports/sources/nanjing/run\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/organiser/imports/sources/nanjing/run\"", await wuhu.GetStringAsync("/organiser/imports"), StringComparison.Ordinal);

        var refused = await wuhu.PostFormAsync("/organiser/imports/sources/nanjing/run", "", new Dictionary<string, string>(), "/organiser/imports");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var queued = await nanjing.PostFormAsync("/organiser/imports/sources/nanjing/run", "", new Dictionary<string, string>(), "/organiser/imports");
        Assert.Equal(HttpStatusCode.SeeOther, queued.StatusCode);
        Assert.Contains("已开始导入南京的数据源", await nanjing.GetStringAsync(queued.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var run = await EventuallyAsync(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var runs = await scope.ServiceProvider.GetRequiredService<ImportService>().ListRunsAsync(Actor.System, "南京", new PageRequest(1, 10), default);
            return runs.Value!.Items.FirstOrDefault(r => r.Trigger == ImportTrigger.Manual && r.Status == ImportRunStatus.Succeeded);
        }, "the manual run of the Nanjing feed");
        Assert.Equal(2, run.Added);
        Assert.Contains($"href=\"/organiser/imports/{run.Id}\"", await nanjing.GetStringAsync("/organiser/imports"), StringComparison.Ordinal);
    }
}
