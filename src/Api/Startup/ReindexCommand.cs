using System.Diagnostics;
using Jobs.Search.Postings;
using Jobs.Search.Resumes;

namespace Jobs.Api.Startup;

/// <summary><c>dotnet run --project src/Api -c Release -- reindex</c>: rebuilds both search indexes from the database and exits.</summary>
public static class ReindexCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "reindex";

    public static async Task<int> RunAsync(WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Jobs.Core.Storage.DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        }

        await RebuildAllAsync(app.Services, CancellationToken.None);
        return 0;
    }

    public static async Task RebuildAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var postings = await services.GetRequiredService<PostingIndex>().RebuildAsync(cancellationToken);
        var postingSeconds = watch.Elapsed.TotalSeconds;
        var resumes = await services.GetRequiredService<ResumeIndex>().RebuildAsync(cancellationToken);
        Console.WriteLine($"Indexed {postings:N0} postings in {postingSeconds:F1} s ({postings / Math.Max(postingSeconds, 0.001):N0}/s) "
            + $"and {resumes:N0} résumés; total {watch.Elapsed.TotalSeconds:F1} s.");
    }
}
