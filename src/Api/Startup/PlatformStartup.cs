using Hangfire;
using Jobs.Api.Infrastructure;
using Jobs.Background.Statistics;
using Jobs.Core.Demo;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Startup;

public static class PlatformStartup
{
    public static IServiceCollection AddPlatformStartup(this IServiceCollection services)
    {
        services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DemoSeeder>();
        services.AddFirstAdmin();
        services.AddSingleton<WarmupState>();
        services.AddSingleton<SearchWarmup>();
        return services;
    }

    /// <summary>
    /// Brings the database to the current schema, creates the first admin and, on an empty database, seeds demo data; opens
    /// the search indexes and starts the search warm-up (/health waits for it).
    /// </summary>
    public static async Task InitializePlatformAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Jobs.Startup");
        var steps = new StartupSteps(logger);
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        steps.Done("database");

        var seeder = services.GetRequiredService<DemoSeeder>();
        var seed = services.GetRequiredService<IOptions<StorageOptions>>().Value.SeedDemoData && await seeder.IsEmptyAsync(cancellationToken);
        // The first admin needs only the database. Its first EF query and password checks take as long as opening the
        // indexes and warming up on a large instance, so they run side by side; Kestrel starts only once it is done, so no
        // request meets a sample password not yet replaced. A seed writes heavily and waits for it instead.
        var admin = Task.Run(async () =>
        {
            await using var adminScope = app.Services.CreateAsyncScope();
            await FirstAdmin.EnsureAsync(adminScope.ServiceProvider, cancellationToken);
        }, cancellationToken);
        if (seed)
        {
            await admin;
            steps.Done("first admin");
            var demo = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
            logger.LogInformation("Empty database: seeding demo data ({Employers} employers, {Postings} postings, {Graduates} graduates)",
                demo.Employers, demo.Postings, demo.Graduates);
            var progress = new LoggingProgress(logger);
            await seeder.SeedAsync(new DemoSize(demo.Employers, demo.Postings, demo.Graduates), demo.Seed, progress, cancellationToken);
            // /data reads the snapshot the nightly job writes; a fresh demo gets its figures now, not after midnight.
            services.GetRequiredService<IBackgroundJobClient>().Enqueue<StatisticsSnapshotJob>(job => job.ExecuteAsync(CancellationToken.None));
            steps.Done("demo data");
        }

        // Missing, corrupt or older-schema indexes rebuild from the database here; current ones resume from the change log
        // position they committed (or, without one, replay recent changes by update time).
        await services.GetRequiredService<Jobs.Search.Indexing.ChangeLogCatchUp>().InitializeIndexesAsync(cancellationToken);
        steps.Done("indexes");
        // Creating the suggestion lexicon starts its background build, so the first keystrokes already get suggestions.
        services.GetRequiredService<Jobs.Search.Suggest.SearchLexiconProvider>();
        _ = services.GetRequiredService<SearchWarmup>().Start(app.Lifetime.ApplicationStopping);
        await admin;
        steps.Done(seed ? "warm-up started" : "first admin (beside the indexes)");
        steps.Log();
    }

    /// <summary>How long each start-up step took, logged as one line: the start of a large instance must show where it waits.</summary>
    private sealed class StartupSteps(ILogger logger)
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private readonly List<string> _steps = [];
        private long _last;

        public void Done(string step)
        {
            var now = _watch.ElapsedMilliseconds;
            _steps.Add($"{step} {now - _last} ms");
            _last = now;
        }

        public void Log() => logger.LogInformation("Start-up steps: {Steps}; {Total} ms in all", string.Join(", ", _steps), _watch.ElapsedMilliseconds);
    }

    /// <summary>Prints where to open the platform once Kestrel has bound its addresses.</summary>
    public static void PrintUrlsOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var docs = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Docs;
            foreach (var address in addresses)
            {
                var root = address.TrimEnd('/');
                Console.WriteLine(docs
                    ? $"Jobs is running: open {root}/  (API docs: {root}{OpenApiSetup.ReferencePath})"
                    : $"Jobs is running: open {root}/");
            }
        });

    private sealed class LoggingProgress(ILogger logger) : IProgress<DemoSeedProgress>
    {
        private string? _phase;
        private int _lastPercent = -1;

        public void Report(DemoSeedProgress value)
        {
            var percent = value.Total == 0 ? 100 : (int)(100L * value.Done / value.Total);
            // Log each phase at 10% steps so a large seed shows it is alive without flooding the console.
            if (value.Phase != _phase || percent / 10 != _lastPercent / 10 || value.Done == value.Total)
            {
                _phase = value.Phase;
                _lastPercent = percent;
                logger.LogInformation("Seeding {Phase}: {Done}/{Total} ({Percent}%)", value.Phase, value.Done, value.Total, percent);
            }
        }
    }
}
