using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// One Chromium per test class (launched from <see cref="TestBrowser.ExecutablePath"/>) and the site on a real port; each
/// test opens its own context, so cookies never leak between tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 780 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public WebAppFactory App { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts with the fixture.");

    public async Task InitializeAsync()
    {
        // Reading the address starts the server, before the first test needs it.
        _ = App.ServerAddress;
        if (!TestBrowser.IsInstalled && !TestBrowser.Required)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await TestBrowser.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser context (no cookies) on a phone-sized screen unless told otherwise.</summary>
    public async Task<PageSession> OpenAsync(string testName, ViewportSize? viewport = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Phone,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            BaseURL = App.ServerAddress.ToString(),
            JavaScriptEnabled = javaScript,
        });
        return new PageSession(context, await context.NewPageAsync(), testName);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>A browser tab for one test, with screenshots and an accessibility check for every page it visits.</summary>
public sealed class PageSession(IBrowserContext context, IPage page, string testName) : IAsyncDisposable
{
    private int _step;

    public IPage Page { get; } = page;

    public IBrowserContext Context { get; } = context;

    /// <summary>Screenshots go to TestResults/screens/&lt;test&gt;/&lt;step&gt;.png at the repository root.</summary>
    public static string ScreensDirectory { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screens");

    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(path);

    /// <summary>Saves a full-page screenshot and fails on any serious or critical axe-core violation.</summary>
    public async Task CheckAsync(string step)
    {
        _step++;
        var folder = Path.Combine(ScreensDirectory, testName);
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{_step:00}-{step}.png"), FullPage = true });
        var results = await Page.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target?.ToString() ?? "")))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core on {Page.Url} ({step}):\n" + string.Join("\n", serious));
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Jobs.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
