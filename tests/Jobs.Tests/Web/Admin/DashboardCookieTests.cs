using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Jobs.Background.Alerts;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Web.Admin;

/// <summary>
/// The Hangfire dashboard with the site's sign-in cookie (the admin console's link): the same access rules as with a token,
/// and every command needs the antiforgery token the dashboard's own pages carry, since a browser sends the cookie with
/// any form another site makes it post.
/// </summary>
public sealed partial class DashboardCookieTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Dashboard_SiteCookie_AdminsInOrganisersReadOnlyGraduatesNot()
    {
        var admin = await SiteAsync(JobsApiFactory.AdminEmail, JobsApiFactory.AdminPassword);
        var organiser = await SiteAsync((await factory.CreateOrganiserAsync("南京")).Email, ApiClient.Password);
        var graduate = await SiteAsync((await factory.RegisterGraduateAsync()).Email, ApiClient.Password);

        var adminPage = await admin.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Contains("recurring/trigger", await adminPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var organiserPage = await organiser.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, organiserPage.StatusCode);
        Assert.DoesNotContain("recurring/trigger", await organiserPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await graduate.GetAsync("/hangfire")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await graduate.GetAsync("/hangfire/recurring")).StatusCode);
        // No cookie, no token: as before, 401.
        Assert.Equal(HttpStatusCode.Unauthorized, (await new SiteClient(factory).GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task DashboardCommand_SiteCookieWithoutToken_403AndNothingRuns()
    {
        var admin = await SiteAsync(JobsApiFactory.AdminEmail, JobsApiFactory.AdminPassword);
        var jobId = factory.Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule<JobAlertsJob>(job => job.ExecuteAsync(CancellationToken.None), TimeSpan.FromDays(30));
        var page = await (await admin.GetAsync("/hangfire/jobs/scheduled")).Content.ReadAsStringAsync();
        var (header, token) = DashboardToken(page);

        // A form another site makes the browser post carries the cookie but cannot read the token.
        var forged = await PostAsync(admin, "/hangfire/jobs/scheduled/delete", jobId, null);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("Scheduled", JobState(jobId));

        // The dashboard's own script sends the token from its page in a header.
        var real = await PostAsync(admin, "/hangfire/jobs/scheduled/delete", jobId, (header, token));
        Assert.True(real.IsSuccessStatusCode, $"delete with the page's token answered {(int)real.StatusCode}");
        Assert.Equal("Deleted", JobState(jobId));
    }

    private async Task<SiteClient> SiteAsync(string email, string password)
    {
        var site = new SiteClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await site.SignInAsync(email, password)).StatusCode);
        return site;
    }

    private async Task<HttpResponseMessage> PostAsync(SiteClient site, string path, string jobId, (string Header, string Token)? antiforgery)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("jobs[]", jobId)]) };
        request.Headers.Add("Cookie", site.CookieHeader());
        if (antiforgery is { } pair)
        {
            request.Headers.Add(pair.Header, pair.Token);
        }

        return await client.SendAsync(request);
    }

    private static (string Header, string Token) DashboardToken(string page)
    {
        var header = CsrfHeader().Match(page);
        var token = CsrfToken().Match(page);
        var at = page.IndexOf("csrf", StringComparison.OrdinalIgnoreCase);
        Assert.True(header.Success && token.Success, $"No antiforgery token on the dashboard page: {(at < 0 ? "(none)" : page[Math.Max(0, at - 200)..Math.Min(page.Length, at + 300)])}");
        return (WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    private string? JobState(string jobId)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    [GeneratedRegex("name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
