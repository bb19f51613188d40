using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Imports;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Fairs;

/// <summary>The deadline job over a fair's life, with the host's clock moved to each deadline.</summary>
public sealed class FairDeadlineTests
{
    [Fact]
    public async Task Deadlines_OverAFairsLife_OpenRemindHoldReportAndArchiveOnce()
    {
        using var factory = new JobsApiFactory();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(FairTestKit.Fair(factory, attendees: 2, booths: 2, startsInDays: 10), ApiClient.Json)!.AsObject();
        body["attendeeWindowOpensAt"] = factory.Clock.GetUtcNow().AddDays(2);
        body["employerWindowOpensAt"] = factory.Clock.GetUtcNow().AddDays(2);
        var id = (long)(await organiser.CreateFairAsync(body))["id"]!;
        Assert.Equal("draft", (string)(await (await organiser.Client.PostAsync($"/api/fairs/{id}/publish", null)).ReadObjectAsync())["state"]!);

        // Published but not yet open: visible, registration refused until the job opens it.
        await factory.RunDeadlinesAsync();
        Assert.Equal("draft", (string)(await factory.GetFairAsync(id))["state"]!);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        await factory.RunDeadlinesAsync();
        Assert.Equal("open", (string)(await factory.GetFairAsync(id))["state"]!);

        var employer = await factory.RegisterEmployerAsync("镇江", "镇江参展科技有限公司");
        var posting = await employer.CreatePostingAsync();
        var application = await (await employer.Client.PostAsJsonAsync($"/api/fairs/{id}/booths", new { postingIds = new[] { posting } })).ReadObjectAsync();
        await organiser.Client.PostAsync($"/api/fairs/{id}/booths/{(long)application["id"]!}/approve", null);
        var graduates = new List<SignedIn>();
        for (var i = 0; i < 3; i++)
        {
            graduates.Add(await factory.RegisterGraduateAsync());
            await graduates[i].Client.PostAsJsonAsync($"/api/fairs/{id}/attendees", new { });
        }

        var fair = await factory.GetFairAsync(id);
        var starts = (DateTime)fair["startsAt"]!;
        factory.Clock.MoveTo(starts.AddHours(-23));
        await factory.RunDeadlinesAsync();
        await factory.RunDeadlinesAsync();
        fair = await factory.GetFairAsync(id);
        Assert.Equal("open", (string)fair["state"]!);
        Assert.NotNull((string?)fair["boothsAllocatedAt"]);
        var reminders = await Task.WhenAll(graduates.Select(g => RemindersAsync(g)));
        Assert.Equal(new[] { 1, 1, 0 }, reminders);

        factory.Clock.MoveTo(starts.AddMinutes(10));
        await factory.RunDeadlinesAsync();
        Assert.Equal("closed", (string)(await factory.GetFairAsync(id))["state"]!);
        var ticket = (string)(await (await graduates[0].Client.GetAsync($"/api/fairs/{id}/attendees/me")).ReadObjectAsync())["ticket"]!;
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.PostAsJsonAsync($"/api/fairs/{id}/check-ins", new { ticket })).StatusCode);

        factory.Clock.MoveTo(((DateTime)fair["endsAt"]!).AddMinutes(1));
        await factory.RunDeadlinesAsync();
        await factory.RunDeadlinesAsync();
        fair = await factory.GetFairAsync(id);
        Assert.Equal("held", (string)fair["state"]!);
        var report = fair["report"]!;
        Assert.Equal(2, (int)report["registered"]!);
        Assert.Equal(1, (int)report["waitlisted"]!);
        Assert.Equal(1, (int)report["checkedIn"]!);
        Assert.Equal(1, (int)report["boothsAllocated"]!);
        Assert.Equal(1, (int)report["otherCityBooths"]!);
        Assert.Equal(1, (int)report["postingsShown"]!);
        Assert.Equal(2, (int)report["remindersSent"]!);

        factory.Clock.Advance(TimeSpan.FromDays(31));
        await factory.RunDeadlinesAsync();
        Assert.Equal("archived", (string)(await factory.GetFairAsync(id))["state"]!);
    }

    [Fact]
    public async Task Deadlines_MissedWhileDown_AreCaughtUpWhenTheHostStarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", "fair-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            long id;
            DateTime employerCloses;
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var organiser = await first.CreateOrganiserAsync("南京");
                id = await organiser.CreateOpenFairAsync(FairTestKit.Fair(first, booths: 1, startsInDays: 10));
                var employer = await first.RegisterEmployerAsync();
                var posting = await employer.CreatePostingAsync();
                var application = await (await employer.Client.PostAsJsonAsync($"/api/fairs/{id}/booths", new { postingIds = new[] { posting } })).ReadObjectAsync();
                await organiser.Client.PostAsync($"/api/fairs/{id}/booths/{(long)application["id"]!}/approve", null);
                var graduate = await first.RegisterGraduateAsync();
                await graduate.Client.PostAsJsonAsync($"/api/fairs/{id}/attendees", new { });
                employerCloses = (DateTime)(await first.GetFairAsync(id))["employerWindow"]!["closesAt"]!;
            }

            // Down over the employer deadline and the reminder time; the new host's first run (queued on start) catches up.
            using var second = JobsApiFactory.OverFolder(folder);
            second.Clock.MoveTo(employerCloses.AddDays(6).AddHours(1));
            var fair = await ImportTestKit.EventuallyAsync(async () =>
                await second.GetFairAsync(id) is { } f && f["boothsAllocatedAt"] is not null ? f : null, "booths allocated after the restart", 60);
            Assert.Equal(1, (int)fair["counts"]!["boothsAllocated"]!);
            var admin = await second.SignInAdminAsync();
            var registrations = await (await admin.Client.GetAsync($"/api/fairs/{id}/attendees")).ReadObjectAsync();
            Assert.Equal(1, (int)registrations["total"]!);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the WAL a moment longer.
            }
        }
    }

    private static async Task<int> RemindersAsync(SignedIn graduate)
    {
        var page = await (await graduate.Client.GetAsync("/api/me/notifications")).ReadObjectAsync();
        return page["items"]!.AsArray().Count(n => (string)n!["kind"]! == "fair-reminder");
    }
}
