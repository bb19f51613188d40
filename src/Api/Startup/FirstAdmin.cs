using System.Security.Cryptography;
using Jobs.Api.Auth;
using Jobs.Core.Accounts;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Startup;

/// <summary>
/// The first admin account. Development uses the documented sample password (from appsettings.Development.json).
/// Elsewhere a configured sample password stops the start, and no configured password gives a random one-time password,
/// printed once to the console when the account is created.
/// </summary>
public static class FirstAdmin
{
    /// <summary>The Development admin password in appsettings.Development.json and the README.</summary>
    public const string DevelopmentPassword = "Harbor-Lantern-2026";

    /// <summary>Passwords printed in the README or the demo data (and the one older releases documented), which anybody can try.</summary>
    public static IReadOnlyList<string> KnownSamplePasswords { get; } = [DevelopmentPassword, "ChangeMe2026", "Demo@2026"];

    public static IServiceCollection AddFirstAdmin(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AdminOptions>, SamplePasswordValidator>();
        // The console, as a service so a test can read what a start printed.
        services.AddSingleton(new StartupConsole(Console.Out));
        return services;
    }

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var admin = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        var accounts = services.GetRequiredService<AccountService>();
        var email = AccountService.NormalizeEmail(admin.Email);
        var db = services.GetRequiredService<JobsDbContext>();
        var existing = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (existing is not null)
        {
            await ReplaceSamplePasswordAsync(services, db, existing, admin.Password, cancellationToken);
            return;
        }

        if (!string.IsNullOrEmpty(admin.Password))
        {
            await accounts.EnsureAdminAsync(email, admin.Password, cancellationToken);
            return;
        }

        var password = GeneratePassword();
        await accounts.EnsureAdminAsync(email, password, cancellationToken);
        await PrintOnceAsync(services, email, password, cancellationToken);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstAdmin)).LogWarning(
            "No Admin:Password is configured: created the first admin {Email} with a generated one-time password, printed once to the console (not logged)",
            email);
    }

    /// <summary>
    /// A data folder first started in Development keeps its admin with the documented password; outside Development that
    /// password is replaced (by the configured one, or a one-time password printed once) before anyone can use it.
    /// </summary>
    private static async Task ReplaceSamplePasswordAsync(
        IServiceProvider services, JobsDbContext db, User admin, string? configured, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return;
        }

        var hasher = services.GetRequiredService<IPasswordHasher<User>>();
        if (!KnownSamplePasswords.Any(sample => hasher.VerifyHashedPassword(admin, admin.PasswordHash, sample) != PasswordVerificationResult.Failed))
        {
            return;
        }

        var replacement = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        admin.PasswordHash = hasher.HashPassword(admin, replacement);
        // The save hook rotates the security stamp on a password change, so tokens issued with the sample password die too.
        await db.SaveChangesAsync(cancellationToken);
        if (string.IsNullOrEmpty(configured))
        {
            await PrintOnceAsync(services, admin.Email, replacement, cancellationToken);
        }

        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstAdmin)).LogWarning(
            "The admin {Email} still had a documented sample password; replaced it with {Source}",
            admin.Email, string.IsNullOrEmpty(configured) ? "a one-time password printed once to the console" : "Admin:Password");
    }

    private static async Task PrintOnceAsync(IServiceProvider services, string email, string password, CancellationToken cancellationToken)
    {
        var console = services.GetRequiredService<StartupConsole>().Out;
        await console.WriteLineAsync($"""

            ==== 首个管理员账号 / first admin account ====
            {email}
            一次性密码 / one-time password: {password}
            此密码只显示这一次，请立即登录保存。/ Shown only this once.
            ==============================================

            """);
        await console.FlushAsync(cancellationToken);
    }

    /// <summary>Four groups of five from letters and digits that cannot be misread (no 0/O, 1/l/I), with each kind present.</summary>
    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(alphabet, 20);
            if (chars.Any(char.IsUpper) && chars.Any(char.IsLower) && chars.Any(char.IsDigit))
            {
                return string.Join('-', chars.Chunk(5).Select(group => new string(group)));
            }
        }
    }

    private sealed class SamplePasswordValidator(IHostEnvironment environment) : IValidateOptions<AdminOptions>
    {
        public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
            !environment.IsDevelopment() && options.Password is { } password
                && KnownSamplePasswords.Any(sample => string.Equals(sample, password.Trim(), StringComparison.OrdinalIgnoreCase))
                ? ValidateOptionsResult.Fail(
                    $"Admin:Password is the documented sample password, which anybody can look up; it is accepted only in the Development "
                    + $"environment (this is {environment.EnvironmentName}). Set Admin:Password to a password of your own, or leave it unset "
                    + "to have a one-time password generated and printed on the first start.")
                : ValidateOptionsResult.Success;
    }
}

/// <summary>Where start-up messages meant for the operator's eyes only (never the log) are written.</summary>
public sealed class StartupConsole(TextWriter writer)
{
    public TextWriter Out { get; } = writer;
}
