using Jobs.Core.Accounts;
using Jobs.Core.Employers;
using Jobs.Core.Postings;
using Jobs.Core.Privacy;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Jobs.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the system of record and the domain services. <paramref name="contentRoot"/> anchors relative data paths.</summary>
    public static IServiceCollection AddJobsCore(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RegionsOptions>().BindConfiguration(RegionsOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.File) || File.Exists(Path.Combine(contentRoot, o.File)), "Regions:File names a file that does not exist.")
            .ValidateOnStart();

        services.AddSingleton<TimeProvider>(new Common.MicrosecondClock(TimeProvider.System));
        services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<RegionsOptions>>().Value.File;
            return string.IsNullOrWhiteSpace(file) ? CityDirectory.LoadEmbedded() : CityDirectory.LoadFile(Path.Combine(contentRoot, file));
        });
        services.AddSingleton(sp => DataPaths.From(sp.GetRequiredService<IOptions<StorageOptions>>().Value, contentRoot));
        services.AddAccountSecurity();
        services.AddJobsKeyRing();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.Problem() is null, "ConnectionStrings:Postgres is not a usable PostgreSQL connection string (Host and Database are required).")
            .ValidateOnStart();
        services.AddSingleton(sp => DatabaseTarget.From(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, sp.GetRequiredService<DataPaths>()));
        services.AddDbContext<JobsDbContext>((sp, options) =>
        {
            var target = sp.GetRequiredService<DatabaseTarget>();
            if (target.IsPostgres)
            {
                options.UseNpgsql(target.ConnectionString).AddInterceptors(PostgresWriteLock.Interceptor.Instance, PostgresTextGuard.Interceptor.Instance);
            }
            else
            {
                options.UseSqlite(target.ConnectionString);
            }

            options.AddInterceptors(sp.GetRequiredService<UserSecurityInterceptor>())
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, CipherModelCacheKeyFactory>();
        });

        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AccountService>();
        services.AddScoped<EmployerService>();
        services.AddScoped<EmployerOverviewService>();
        services.AddSingleton<IValidateOptions<Postings.Compliance.ComplianceOptions>, Postings.Compliance.ComplianceOptionsValidator>();
        services.AddOptions<Postings.Compliance.ComplianceOptions>().BindConfiguration(Postings.Compliance.ComplianceOptions.Section).ValidateOnStart();
        services.AddSingleton(sp => new Postings.Compliance.CompliancePolicy(sp.GetRequiredService<IOptions<Postings.Compliance.ComplianceOptions>>()));
        services.AddScoped<Postings.Compliance.ComplianceReviewService>();
        services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.TryAddSingleton<Common.NodeCacheEvents>();
        services.AddSingleton<VerifiedEmployers>();
        services.AddSingleton<LicenceFiles>();
        services.AddScoped<VerificationService>();
        services.AddScoped<IEmployerIdentityObserver, VerificationIdentityObserver>();
        services.AddScoped<PostingService>();
        services.AddScoped<ResumeService>();
        services.AddOptions<Privacy.ContactPrivacyOptions>().BindConfiguration(Privacy.ContactPrivacyOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.ContactRevealsTimeZone, out _),
                "Privacy:ContactRevealsTimeZone is not a known time zone id (e.g. Asia/Shanghai).")
            .ValidateOnStart();
        services.AddScoped<Privacy.ContactDisclosure>();
        services.AddOptions<ApplicationOptions>().BindConfiguration(ApplicationOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Applications:TimeZone is not a known time zone id (e.g. Asia/Shanghai).")
            .ValidateOnStart();
        services.AddScoped<ApplicationService>();
        services.AddScoped<Notifications.NotificationService>();
        services.AddScoped<Alerts.AlertService>();
        services.AddOptions<Statistics.StatisticsOptions>().BindConfiguration(Statistics.StatisticsOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Statistics:TimeZone is not a known time zone id (e.g. Asia/Shanghai).")
            .ValidateOnStart();
        services.AddScoped<Statistics.SnapshotBuilder>();
        services.AddScoped<Statistics.StatisticsService>();

        services.TryAddSingleton<Common.IDistributedLockProvider, DatabaseLockProvider>();
        services.AddSingleton<IValidateOptions<Imports.ImportOptions>, Imports.ImportOptionsValidator>();
        services.AddOptions<Imports.ImportOptions>().BindConfiguration(Imports.ImportOptions.Section).ValidateDataAnnotations()
            .PostConfigure<CityDirectory>((o, cities) =>
            {
                foreach (var source in o.Sources)
                {
                    source.CityCode = cities.Resolve(source.City)?.Code ?? "";
                }
            })
            .ValidateOnStart();
        services.AddScoped<Imports.ImportService>();
        services.AddScoped<Imports.ImportSources>();
        services.AddScoped<Accounts.OrganiserAccounts>();

        services.AddOptions<Fairs.FairOptions>().BindConfiguration(Fairs.FairOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Fairs:TimeZone is not a known time zone id (e.g. Asia/Shanghai).")
            .Validate(o => o.DefaultEndTime > o.DefaultStartTime, "Fairs:DefaultEndTime must be later than Fairs:DefaultStartTime.")
            .ValidateOnStart();
        services.AddSingleton<Fairs.FairRegistrationStore>();
        services.AddSingleton<Fairs.OpenFairCache>();
        // The database decides seats unless Redis is configured, in which case the background-jobs setup replaces this.
        services.TryAddSingleton<Fairs.IFairSeatControl, Fairs.DatabaseSeatControl>();
        services.AddScoped<Fairs.FairService>();
        services.AddScoped<Fairs.SeasonService>();
        services.AddScoped<Fairs.BoothService>();
        services.AddScoped<Fairs.AttendeeService>();
        services.AddScoped<Fairs.FairLifecycle>();

        services.AddOptions<Privacy.DataRightsOptions>().BindConfiguration(Privacy.DataRightsOptions.Section).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.NoticeTimeZone, out _), "Privacy:NoticeTimeZone is not a known time zone id (e.g. Asia/Shanghai).")
            .ValidateOnStart();
        services.AddScoped<Privacy.PersonalDataExporter>();
        services.AddScoped<Privacy.AccountDeletionService>();
        services.AddScoped<Privacy.AccountEraser>();
        services.AddScoped<Privacy.ResumeRetention>();
        services.AddScoped<Imports.HeldImportFiles>();
        return services;
    }
}
