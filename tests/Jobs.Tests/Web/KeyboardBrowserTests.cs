using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>
/// Keyboard only, on a phone viewport: skip to the content, search, open a posting and reach sign-in to apply, with the
/// focus always visible. Nothing here clicks.
/// </summary>
public class KeyboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int MaxTabs = 80;

    /// <summary>What the test needs is the address and then an element on the page; a loaded machine can hold back the load event.</summary>
    private static readonly PageWaitForURLOptions UrlOnly = new() { WaitUntil = WaitUntilState.Commit };

    /// <summary>Presses Tab until the focused element matches; fails when it never does, or when focus shows no outline.</summary>
    private static async Task TabToAsync(IPage page, string description, string predicate)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({predicate}); }}"))
            {
                var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
                Assert.True(outline is not "none" and not "", $"{description}: the focused element shows no outline");
                return;
            }
        }

        Assert.Fail($"{description}: not reached with {MaxTabs} presses of Tab");
    }

    [BrowserFact]
    public async Task Keyboard_SearchOpenPostingAndApply_ReachesSignInWithVisibleFocus()
    {
        await PublicSiteFixture.SeedAsync(browser.App);
        await using var session = await browser.OpenAsync("keyboard");
        var page = session.Page;
        await session.GoAsync("/");

        await TabToAsync(page, "skip link", "e.classList.contains('skip')");
        await session.CheckAsync("skip-link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/#main", UrlOnly);

        await TabToAsync(page, "search box", "e.getAttribute('type') === 'search'");
        await page.Keyboard.TypeAsync("chache siji");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "找到 2 个职位" }).WaitForAsync();
        await session.CheckAsync("results");

        await TabToAsync(page, "first result", "e.closest('ol.results') !== null && e.tagName === 'A'");
        await session.CheckAsync("result-focused");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "叉车司机", Level = 1 }).WaitForAsync();

        await TabToAsync(page, "apply link", "e.textContent.trim() === '申请这个职位'");
        await page.Keyboard.PressAsync("Enter");
        // The sign-in heading, then the address: an element wait polls the page, where a navigation wait can miss a
        // redirect that committed before it began listening.
        await page.GetByRole(AriaRole.Heading, new() { Name = "登录", Level = 1 }).WaitForAsync();
        Assert.Matches("/login\\?returnUrl=%2Fjobs%2F\\d+%2Fapply$", page.Url);
        await TabToAsync(page, "email field", "e.getAttribute('type') === 'email'");
        await session.CheckAsync("sign-in");
    }
}
