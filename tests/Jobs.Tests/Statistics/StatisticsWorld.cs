using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Fairs;
using Jobs.Core.Imports;
using Jobs.Core.Postings;
using Jobs.Core.Resumes;
using Jobs.Core.Statistics;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Statistics;

/// <summary>
/// A small known world in 2026, written straight into the host's database, whose statistics the tests work out by hand.
/// Times are UTC; months follow Beijing time (UTC+8), so P3, posted 2026-08-31 17:00 UTC, is a September posting.
/// <code>
/// Postings  city       function      education  hc  posted        ends             salary (monthly equivalent → bucket)
/// P1        nanjing    backend       本科        3   06-15         closed 07-10     8000–12000 ×12 → 10000 → 10
/// P2        nanjing    backend       本科        5   09-10         open             6000–8000 ×13 → 7583 → 7
/// P3        nanjing    data-analyst  大专        2   08-31 17:00   expires 10-15    none
/// P4        zhenjiang  backend       本科        4   07-05         expires 08-20    5000 → 5
/// P5        zhenjiang  data-analyst  硕士        1   09-20         (held for review: never counted)
/// P6        nanjing    backend       本科        1   10-05         open
/// P7        yangzhou   data-analyst  大专        7   08-01         open
/// Résumés   school (city)        degree  wants         prefers             created / updated       expected
/// R1–R6     南京大学 (nanjing)    本科     后端开发       nanjing             04-10 / 09-05           6000–8000
/// R7,R8     江苏大学 (zhenjiang)  本科     后端开发       nanjing, zhenjiang  07-20 / 07-20           9000
/// R9        清华大学 (未知)        硕士     数据分析       zhenjiang           01-05 / 08-10           —
/// R10       扬州大学 (yangzhou)   大专     数据分析       nanjing             01-05 / 05-10           —
/// R11       南京大学 (nanjing)    本科     —             —                   01-05 / 09-02           —
/// R12       南京大学 (nanjing)    本科     后端开发       nanjing             10-03 / 10-03           —
/// R13–R17   扬州大学 (yangzhou)   大专     数据分析       yangzhou            01-05 / 08-15           —
/// R18–R20   江苏大学 (zhenjiang)  本科     后端开发       nanjing             01-05 / 08-05           —
/// </code>
/// Applications: R1–R5 to P2 on 09-12 02:00 (R1 viewed after 24 h, invited 09-14, offered 09-20; R2–R5 viewed after 48 h);
/// R7 to P4 on 07-10, never answered. Fair F1 in Nanjing on 09-25: 6 registered (4 checked in) and 1 cancelled; booths: 3
/// allocated (1 from a Zhenjiang employer) and 1 pending. Nanjing's feed ran 09-01 (100 rows, 5 rejected, succeeded) and
/// 09-02 (failed). R1–R6 graduate in 2026, everyone else in 2025.
/// </summary>
internal static class StatisticsWorld
{
    public static DateTime At(int month, int day, int hour = 4) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task SeedAsync(JobsApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var nanjingCo = new Employer { Name = "南京统计科技有限公司", CityCode = "nanjing", IndustryCode = "I", CreatedAt = At(1, 2), Verification = VerificationStatus.Verified };
        var zhenjiangCo = new Employer { Name = "镇江统计制造有限公司", CityCode = "zhenjiang", IndustryCode = "C", CreatedAt = At(1, 2), Verification = VerificationStatus.Verified };
        db.Employers.AddRange(nanjingCo, zhenjiangCo);
        await db.SaveChangesAsync();

        Posting P(Employer e, string city, string function, EducationLevel edu, int hc, DateTime posted, DateTime? closed = null, DateTime? expires = null,
            int? min = null, int? max = null, int months = 12, PostingHolds holds = PostingHolds.None) => new()
        {
            EmployerId = e.Id, Title = "统计岗位", Description = "统计测试岗位", CityCode = city, FunctionCode = function, Education = edu, Headcount = hc,
            PostedAt = posted, UpdatedAt = posted, ClosedAt = closed, Status = closed is null ? PostingStatus.Open : PostingStatus.Closed, ExpiresAt = expires,
            SalaryMin = min, SalaryMax = max, SalaryMonths = months, Holds = holds,
        };
        var p1 = P(nanjingCo, "nanjing", "backend", EducationLevel.Bachelor, 3, At(6, 15), closed: At(7, 10), min: 8000, max: 12000);
        var p2 = P(nanjingCo, "nanjing", "backend", EducationLevel.Bachelor, 5, At(9, 10), min: 6000, max: 8000, months: 13);
        var p3 = P(nanjingCo, "nanjing", "data-analyst", EducationLevel.Associate, 2, At(8, 31, 17), expires: At(10, 15));
        var p4 = P(zhenjiangCo, "zhenjiang", "backend", EducationLevel.Bachelor, 4, At(7, 5), expires: At(8, 20), min: 5000, max: 5000);
        var p5 = P(zhenjiangCo, "zhenjiang", "data-analyst", EducationLevel.Master, 1, At(9, 20), holds: PostingHolds.ComplianceReview);
        var p6 = P(nanjingCo, "nanjing", "backend", EducationLevel.Bachelor, 1, At(10, 5));
        var p7 = P(nanjingCo, "yangzhou", "data-analyst", EducationLevel.Associate, 7, At(8, 1));
        db.Postings.AddRange(p1, p2, p3, p4, p5, p6, p7);
        await db.SaveChangesAsync();

        var resumes = new List<Resume>();
        async Task<Resume> R(string school, EducationLevel degree, string? wants, string[] prefers, DateTime created, DateTime updated, int? expMin = null,
            int? expMax = null, int cohort = 2025)
        {
            var user = new User
            {
                Email = $"stats.{Guid.NewGuid():N}@test.jobs", PasswordHash = "-", DisplayName = "统计", Role = Role.Graduate, CreatedAt = created,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            var r = new Resume
            {
                OwnerUserId = user.Id, FullName = "统计测试", School = school, Major = "计算机科学与技术", Degree = degree, GraduationYear = cohort,
                DesiredTitles = wants is null ? [] : [wants], PreferredCities = [.. prefers], ExpectedSalaryMin = expMin, ExpectedSalaryMax = expMax,
                Contact = new ContactDetails(), CreatedAt = created, UpdatedAt = updated,
            };
            resumes.Add(r);
            return r;
        }

        for (var i = 1; i <= 6; i++)
        {
            await R("南京大学", EducationLevel.Bachelor, "后端开发", ["nanjing"], At(4, 10), At(9, 5), 6000, 8000, cohort: 2026);
        }

        for (var i = 7; i <= 8; i++)
        {
            await R("江苏大学", EducationLevel.Bachelor, "后端开发", ["nanjing", "zhenjiang"], At(7, 20), At(7, 20), 9000, 9000);
        }

        await R("清华大学", EducationLevel.Master, "数据分析", ["zhenjiang"], At(1, 5), At(8, 10));
        await R("扬州大学", EducationLevel.Associate, "数据分析", ["nanjing"], At(1, 5), At(5, 10));
        await R("南京大学", EducationLevel.Bachelor, null, [], At(1, 5), At(9, 2));
        await R("南京大学", EducationLevel.Bachelor, "后端开发", ["nanjing"], At(10, 3), At(10, 3));
        for (var i = 13; i <= 17; i++)
        {
            await R("扬州大学", EducationLevel.Associate, "数据分析", ["yangzhou"], At(1, 5), At(8, 15));
        }

        for (var i = 18; i <= 20; i++)
        {
            await R("江苏大学", EducationLevel.Bachelor, "后端开发", ["nanjing"], At(1, 5), At(8, 5));
        }

        db.Resumes.AddRange(resumes);
        await db.SaveChangesAsync();

        var submitted = At(9, 12, 2);
        for (var i = 0; i < 5; i++)
        {
            var viewed = submitted.AddHours(i == 0 ? 24 : 48);
            var a = new Application
            {
                PostingId = p2.Id, ResumeId = resumes[i].Id, EmployerId = nanjingCo.Id, CreatedAt = submitted, ViewedAt = viewed,
                Stage = i == 0 ? ApplicationStage.Offered : ApplicationStage.Viewed, StageChangedAt = viewed,
            };
            db.Applications.Add(a);
            await db.SaveChangesAsync();
            db.ApplicationStageChanges.Add(new ApplicationStageChange { ApplicationId = a.Id, ToStage = ApplicationStage.Submitted, At = submitted, CityCode = "nanjing" });
            db.ApplicationStageChanges.Add(new ApplicationStageChange
            {
                ApplicationId = a.Id, FromStage = ApplicationStage.Submitted, ToStage = ApplicationStage.Viewed, At = viewed, CityCode = "nanjing",
            });
            if (i == 0)
            {
                db.ApplicationStageChanges.Add(new ApplicationStageChange
                {
                    ApplicationId = a.Id, FromStage = ApplicationStage.Viewed, ToStage = ApplicationStage.InterviewInvited, At = At(9, 14), CityCode = "nanjing",
                });
                db.ApplicationStageChanges.Add(new ApplicationStageChange
                {
                    ApplicationId = a.Id, FromStage = ApplicationStage.InterviewInvited, ToStage = ApplicationStage.Offered, At = At(9, 20), CityCode = "nanjing",
                });
            }
        }

        var unanswered = new Application
        {
            PostingId = p4.Id, ResumeId = resumes[6].Id, EmployerId = zhenjiangCo.Id, CreatedAt = At(7, 10), StageChangedAt = At(7, 10),
        };
        db.Applications.Add(unanswered);
        await db.SaveChangesAsync();

        var fair = new Fair
        {
            Title = "南京秋季双选会", HostCityCode = "nanjing", RegionCode = "nanjing-metro", Venue = "南京国际博览中心", StartsAt = At(9, 25), EndsAt = At(9, 25, 9),
            TicketSalt = "salt", State = FairState.Held, PublishedAt = At(8, 1), CreatedAt = At(7, 1), UpdatedAt = At(9, 25),
        };
        db.Fairs.Add(fair);
        await db.SaveChangesAsync();
        for (var i = 0; i < 7; i++)
        {
            db.FairRegistrations.Add(new FairRegistration
            {
                FairId = fair.Id, UserId = resumes[i].OwnerUserId, Seq = i + 1, Status = i == 6 ? RegistrationStatus.Cancelled : RegistrationStatus.Registered,
                Ticket = $"T{i}", RegisteredAt = At(9, 1), StatusChangedAt = At(9, 1), CheckedInAt = i < 4 ? At(9, 25, 2) : null,
            });
        }

        foreach (var (city, status) in new[] { ("nanjing", BoothStatus.Allocated), ("nanjing", BoothStatus.Allocated), ("zhenjiang", BoothStatus.Allocated), ("nanjing", BoothStatus.Pending) })
        {
            var exhibitor = new Employer { Name = $"参展单位{Guid.NewGuid():N}", CityCode = city, CreatedAt = At(1, 2), Verification = VerificationStatus.Verified };
            db.Employers.Add(exhibitor);
            await db.SaveChangesAsync();
            db.BoothApplications.Add(new BoothApplication
            {
                FairId = fair.Id, EmployerId = exhibitor.Id, EmployerCityCode = city, Status = status, AppliedAt = At(8, 5),
            });
        }

        db.ImportRuns.Add(new ImportRun
        {
            SourceCity = "nanjing", Status = ImportRunStatus.Succeeded, StartedAt = At(9, 1, 2), FinishedAt = At(9, 1, 2).AddMinutes(5), Records = 100, Rejected = 5,
        });
        db.ImportRuns.Add(new ImportRun { SourceCity = "nanjing", Status = ImportRunStatus.Failed, StartedAt = At(9, 2, 2), FinishedAt = At(9, 2, 2).AddMinutes(1) });
        await db.SaveChangesAsync();
    }

    public static async Task<IReadOnlyList<string>> SnapshotAsync(JobsApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<Jobs.Background.Statistics.StatisticsSnapshotJob>();
        await job.ExecuteAsync(CancellationToken.None);
        return scope.ServiceProvider.GetRequiredService<JobsDbContext>().StatPeriodRuns.Select(r => r.Period).ToList();
    }

    public static StatQuery Query(JobsApiFactory factory, string period, string? city = null)
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<StatisticsService>();
        Assert.True(StatPeriod.TryParse(period, out var p));
        return new StatQuery(p, service.ResolveScope(city, null)!);
    }
}
