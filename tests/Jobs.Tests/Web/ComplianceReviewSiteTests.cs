using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;
using Jobs.Tests.Postings;

namespace Jobs.Tests.Web;

/// <summary>The organisers' review page without JavaScript: the queue marks the offending words, and approving or sending back works.</summary>
public class ComplianceReviewSiteTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private async Task<long> HeldPostingAsync(string title, string description)
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsJsonAsync("/api/postings", ComplianceTests.Posting(title, description));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("complianceReview", (string)body["holds"]![0]!);
        return (long)body["id"]!;
    }

    private async Task<SiteClient> OrganiserSiteAsync(string city)
    {
        var organiser = await factory.CreateOrganiserAsync(city);
        var site = new SiteClient(factory);
        var signIn = await site.SignInAsync(organiser.Email, ApiClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return site;
    }

    [Fact]
    public async Task HeldPage_OrganiserOfCity_MarksWordsAndApproveMakesPostingPublic()
    {
        var id = await HeldPostingAsync("审核页叉车工", "叉车工，限男性，持证上岗。");
        var site = await OrganiserSiteAsync("南京");

        var home = await site.GetStringAsync("/");
        Assert.Contains("href=\"/organiser\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/organiser/postings/held\"", await site.GetStringAsync("/organiser"), StringComparison.Ordinal);
        var queue = await site.GetStringAsync("/organiser/postings/held");
        Assert.Contains("审核页叉车工", queue, StringComparison.Ordinal);
        Assert.Contains("<mark>限男性</mark>", queue, StringComparison.Ordinal);
        Assert.Contains("性别歧视", queue, StringComparison.Ordinal);

        var approved = await site.PostFormAsync($"/organiser/postings/held/{id}", "approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.EndsWith("/organiser/postings/held?done=approved", approved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/postings/{id}")).StatusCode);
        Assert.DoesNotContain("审核页叉车工", await site.GetStringAsync("/organiser/postings/held"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldPage_ReturnWithoutReason_ShowsMessage_WithReason_SendsBack()
    {
        var id = await HeldPostingAsync("审核页收银员", "收银员，已婚已育优先。");
        var site = await OrganiserSiteAsync("南京");

        var empty = await site.PostFormAsync($"/organiser/postings/held/{id}", "return", new Dictionary<string, string> { ["Input.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写退回原因", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var returned = await site.PostFormAsync($"/organiser/postings/held/{id}", "return",
            new Dictionary<string, string> { ["Input.Reason"] = "请删除婚育要求" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.EndsWith("/organiser/postings/held?done=returned", returned.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/postings/{id}")).StatusCode);
    }

    [Fact]
    public async Task HeldPage_OrganiserOfAnotherCity_CannotSeeOrDecide()
    {
        var id = await HeldPostingAsync("审核页外城岗", "保洁，55岁以内。");
        var site = await OrganiserSiteAsync("马鞍山");

        Assert.DoesNotContain("审核页外城岗", await site.GetStringAsync("/organiser/postings/held"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.GetAsync($"/organiser/postings/held/{id}")).StatusCode);
        var attempt = await site.PostFormAsync($"/organiser/postings/held/{id}", "approve", new Dictionary<string, string>(),
            formPage: "/organiser/postings/held");
        Assert.NotEqual(HttpStatusCode.Redirect, attempt.StatusCode);
        Assert.True((int)attempt.StatusCode < 500, $"{(int)attempt.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/postings/{id}")).StatusCode);

        var graduate = await factory.RegisterGraduateAsync();
        var graduateSite = new SiteClient(factory);
        await graduateSite.SignInAsync(graduate.Email, ApiClient.Password);
        var refused = await graduateSite.GetAsync("/organiser/postings/held");
        Assert.Contains("/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
