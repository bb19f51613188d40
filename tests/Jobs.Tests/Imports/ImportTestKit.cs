using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jobs.Tests.Imports.Feeds;
using Jobs.Core.Postings;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Imports;

/// <summary>Feed files as cities send them, and the upload call, for the import tests.</summary>
internal static class ImportTestKit
{
    /// <summary>Feed dates relative to the real clock, since the host runs on it: posted three days ago, no expiry.</summary>
    public static Dictionary<string, string> Row(string id, params (string Column, string Value)[] overrides)
    {
        var row = FeedTestKit.Row(id, overrides);
        if (!overrides.Any(o => o.Column == "posted_at"))
        {
            row["posted_at"] = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (!overrides.Any(o => o.Column == "expires_at"))
        {
            row["expires_at"] = "";
        }

        return row;
    }

    /// <summary>Rows that differ in id and title, so each becomes its own posting.</summary>
    public static Dictionary<string, string>[] Rows(string prefix, int count, string city = "南京") =>
        Enumerable.Range(1, count).Select(i => Row($"{prefix}-{i}", ("title", $"数据分析师{prefix}{i}"), ("city", city))).ToArray();

    public static byte[] Csv(params Dictionary<string, string>[] rows) => Encoding.UTF8.GetBytes(FeedTestKit.Csv(rows));

    public static async Task<HttpResponseMessage> UploadAsync(this SignedIn who, string city, byte[] file, string fileName = "feed.csv",
        string? format = null, string? encoding = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(city), "city");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }

        if (encoding is not null)
        {
            form.Add(new StringContent(encoding), "encoding");
        }

        return await who.Client.PostAsync("/api/imports", form);
    }

    public static async Task<JsonObject> UploadOkAsync(this SignedIn who, string city, byte[] file)
    {
        var response = await who.UploadAsync(city, file);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static int Count(this JsonObject report, string name) => (int)report["counts"]![name]!;

    public static async Task<JsonObject> GetJsonAsync(this SignedIn who, string url)
    {
        var response = await who.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>What the database holds for a source: each external id's link and its posting.</summary>
    public static async Task<Dictionary<string, SourceRow>> SourceStateAsync(this JobsApiFactory factory, string cityCode)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var rows = await (from s in db.PostingSources.AsNoTracking()
                          where s.SourceCity == cityCode
                          join p in db.Postings.AsNoTracking() on s.PostingId equals p.Id
                          select new SourceRow(s.ExternalId, p.Id, s.Active, p.Status, p.Title, p.UpdatedAt, p.SalaryMin)).ToListAsync();
        return rows.ToDictionary(r => r.ExternalId);
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, int seconds = 20)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), $"Timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}

internal sealed record SourceRow(string ExternalId, long PostingId, bool Active, PostingStatus Status, string Title, DateTime UpdatedAt, int? SalaryMin);
