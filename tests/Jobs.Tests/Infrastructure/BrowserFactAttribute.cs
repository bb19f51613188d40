using Microsoft.Playwright;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// A fact that drives a real browser (Debian's Chromium, <c>JOBS_TEST_CHROMIUM</c>, default /usr/bin/chromium): skipped when
/// it is not installed, so a fresh clone still runs green; with <c>JOBS_REQUIRE_BROWSER=1</c> (CI) it always runs and
/// fails loudly. Nothing ever downloads a browser.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!TestBrowser.Required && !TestBrowser.IsInstalled)
        {
            Skip = $"No Chromium at {TestBrowser.ExecutablePath}; install it (apt-get install -y chromium fonts-noto-cjk), or set JOBS_REQUIRE_BROWSER=1 to fail instead of skipping.";
        }
    }
}

public static class TestBrowser
{
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("JOBS_TEST_CHROMIUM") is { Length: > 0 } path
        ? path
        : "/usr/bin/chromium";

    public static bool Required => Environment.GetEnvironmentVariable("JOBS_REQUIRE_BROWSER") == "1";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Starts that Chromium headless, the one way every browser test launches it.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        // Chromium's sandbox needs user namespaces, which a root CI container does not give.
        Args = ["--no-sandbox", "--disable-dev-shm-usage"],
    });
}
