using System.Diagnostics;
using System.Text.Json;
using Jobs.Api.Postings;
using Jobs.Core.Regions;
using Jobs.Search.Postings;
using Jobs.Search.Suggest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Startup;

/// <summary>Whether the first searches have run; /health stays unhealthy until they have.</summary>
public sealed class WarmupState
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsDone => _done.Task.IsCompleted;

    /// <summary>Completes when the warm-up has finished (or given up: a failed warm-up must not keep the site unhealthy).</summary>
    public Task Done => _done.Task;

    public void MarkDone() => _done.TrySetResult();
}

/// <summary>
/// Runs a few searches through the endpoint's own code once the indexes are open: they open the searcher, decode the
/// index's per-segment columns, load the analysers and ICU, and JIT the query, hydration, highlighting and JSON path, so the
/// first visitor after /health turns green does not pay for them (a second or more on a large index).
/// </summary>
public sealed class SearchWarmup(IServiceProvider services, WarmupState state, ILogger<SearchWarmup> logger)
{
    /// <summary>Text, pinyin and filter-only searches: each takes a different path through query building.</summary>
    private static readonly string?[] Queries = ["会计", "java 南京", "kuaiji", null];

    private Task? _running;

    /// <summary>Starts the warm-up in the background (once); <see cref="WarmupState"/> says when it is over.</summary>
    public Task Start(CancellationToken stoppingToken) => _running ??= Task.Run(() => RunAsync(stoppingToken), CancellationToken.None);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var search = services.GetRequiredService<PostingSearchService>();
            var cities = services.GetRequiredService<CityDirectory>();
            var didYouMean = services.GetRequiredService<DidYouMeanService>();
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var city = cities.Regions.SelectMany(r => r.Cities).Select(c => c.Code).FirstOrDefault();
            foreach (var q in Queries)
            {
                var result = await PostingSearchEndpoints.SearchAsync(q, city is null ? null : [city], null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, search, cities, didYouMean, stoppingToken);
                if (result.Result is Ok<PostingSearchResponse> ok)
                {
                    _ = JsonSerializer.SerializeToUtf8Bytes(ok.Value, json);
                }
            }

            logger.LogInformation("Search warm-up finished in {Milliseconds} ms", watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // Searches still work cold; staying unhealthy forever over a warm-up would take the site down for nothing.
            logger.LogError(exception, "Search warm-up failed after {Milliseconds} ms; searching starts cold", watch.ElapsedMilliseconds);
        }
        finally
        {
            state.MarkDone();
        }
    }
}

/// <summary>Unhealthy until <see cref="SearchWarmup"/> has run, so a load balancer sends no one to a cold process.</summary>
public sealed class WarmupHealthCheck(WarmupState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDone ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("搜索预热中"));
}
