using System.Diagnostics;
using System.Globalization;
using Jobs.Core.Demo;
using Jobs.Core.Storage;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Startup;

/// <summary>
/// <c>dotnet run --project src/Api -c Release -- seed --postings 1000000 [--employers N] [--graduates N] [--seed N]</c>:
/// adds generated data of any size for benchmarks, with a progress line, then exits.
/// </summary>
public static class SeedCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "seed";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var defaults = app.Services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        int Arg(string name, int fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? v
                : fallback;
        }

        var postings = Arg("postings", defaults.Postings);
        var size = new DemoSize(Arg("employers", Math.Max(defaults.Employers, postings / 100)), postings, Arg("graduates", defaults.Graduates));
        var seed = Arg("seed", defaults.Seed);

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"Seeding {size.Employers:N0} employers, {size.Postings:N0} postings, {size.Graduates:N0} graduates (seed {seed}) into {app.Services.GetRequiredService<DataPaths>().ConnectionString}");
        await seeder.SeedAsync(size, seed, new ConsoleProgress(), CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:F1} s. Rebuilding the search indexes from the database…");
        // Seeding writes rows directly, past the services that keep the index in step, so the index is rebuilt whole.
        await ReindexCommand.RebuildAllAsync(app.Services, CancellationToken.None);
        return 0;
    }

    private sealed class ConsoleProgress : IProgress<DemoSeedProgress>
    {
        public void Report(DemoSeedProgress value)
        {
            var percent = value.Total == 0 ? 100 : 100.0 * value.Done / value.Total;
            Console.Write($"\r{value.Phase,-12} {value.Done,12:N0}/{value.Total:N0} ({percent,5:F1}%)   ");
            if (value.Done == value.Total)
            {
                Console.WriteLine();
            }
        }
    }
}
