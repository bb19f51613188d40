using System.Net;
using System.Net.Http.Json;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Web.Organiser;

/// <summary>Fairs whose doors are open now, graduates with a name and a résumé, organisers signed in to the site.</summary>
public static class OrganiserKit
{
    /// <summary>A fair starting in 90 minutes: registration is open and check-in (from 2 hours before the start) already is.</summary>
    public static object DoorFair(JobsApiFactory factory, string city = "南京", int attendees = 100, string? title = null)
    {
        var now = factory.Clock.GetUtcNow();
        var starts = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(90).ToOffset(TimeSpan.FromHours(8));
        return new
        {
            kind = "fair",
            title = title ?? $"{city}入口签到测试招聘会{Guid.NewGuid().ToString("N")[..4]}",
            hostCity = city,
            venue = $"{city}国际博览中心 B 馆",
            startsAt = starts,
            endsAt = starts.AddHours(6),
            boothCapacity = 10,
            attendeeCapacity = attendees,
            themes = new[] { "智能制造" },
        };
    }

    /// <summary>A graduate with their own display name and a résumé naming their school and major.</summary>
    public static async Task<SignedIn> GraduateAsync(JobsApiFactory factory, string name, string school = "南京大学", string major = "计算机科学与技术")
    {
        var email = ApiClient.UniqueEmail("door");
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email, password = ApiClient.Password, role = "graduate", displayName = name });
        var graduate = await factory.SignInAfterSignUpAsync(response, email);
        var resume = await graduate.Client.PostAsJsonAsync("/api/resumes", new
        {
            fullName = name,
            school,
            major,
            degree = "本科",
            graduationYear = 2026,
            skills = new[] { "Java" },
            preferredCities = new[] { "南京" },
            expectedSalaryMin = 8000,
            expectedSalaryMax = 12000,
            visibility = "public",
            contactVisibleToEmployers = false,
            phone = "13912345678",
        });
        Assert.Equal(HttpStatusCode.Created, resume.StatusCode);
        return graduate;
    }

    /// <summary>Registers the graduate for the fair and returns the ticket code.</summary>
    public static async Task<string> TicketAsync(this SignedIn graduate, long fairId)
    {
        var registered = await graduate.Client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (string)(await registered.ReadObjectAsync())["ticket"]!;
    }

    public static async Task<SiteClient> SiteAsync(JobsApiFactory factory, SignedIn user)
    {
        var site = new SiteClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await site.SignInAsync(user.Email, ApiClient.Password)).StatusCode);
        return site;
    }

    public static Task<long> CreateDoorFairAsync(this SignedIn organiser, JobsApiFactory factory, string city = "南京", int attendees = 100, string? title = null) =>
        organiser.CreateOpenFairAsync(DoorFair(factory, city, attendees, title));
}
