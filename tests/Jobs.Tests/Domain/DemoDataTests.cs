using System.Net;
using System.Net.Http.Json;
using Jobs.Core.Common;
using Jobs.Core.Demo;
using Jobs.Core.Regions;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Domain;

public class DemoDataTests
{
    private static readonly CityDirectory Cities = CityDirectory.LoadEmbedded();
    private static readonly DateTime Anchor = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    // Characters that occur only in Traditional writing of job text.
    private const string TraditionalOnly = "體師資網務個們為發員經驗職責計與開設處應運軟營書讀議獎險療醫護數據庫";

    [Fact]
    public void Generate_SameSeed_GivesIdenticalData()
    {
        using var a = new DemoDataGenerator(Cities, 7, Anchor);
        using var b = new DemoDataGenerator(Cities, 7, Anchor);
        var employersA = a.CreateEmployers(50).Select(e => e.Employer).ToList();
        var employersB = b.CreateEmployers(50).Select(e => e.Employer).ToList();
        Assert.Equal(employersA.Select(e => (e.Name, e.CreditCode, e.CityCode)), employersB.Select(e => (e.Name, e.CreditCode, e.CityCode)));

        Assign(employersA);
        Assign(employersB);
        var postingsA = a.CreatePostings(employersA, 300).Select(p => (p.Title, p.Description, p.SalaryMin, p.CityCode, p.PostedAt)).ToList();
        var postingsB = b.CreatePostings(employersB, 300).Select(p => (p.Title, p.Description, p.SalaryMin, p.CityCode, p.PostedAt)).ToList();
        Assert.Equal(postingsA, postingsB);

        using var c = new DemoDataGenerator(Cities, 8, Anchor);
        Assert.NotEqual(employersA.Select(e => e.Name), c.CreateEmployers(50).Select(e => e.Employer.Name));
    }

    [Fact]
    public void Employers_Generated_HaveValidCreditCodesInTheirCitysArea()
    {
        using var g = new DemoDataGenerator(Cities, 11, Anchor);
        var employers = g.CreateEmployers(500).Select(e => e.Employer).ToList();
        Assert.All(employers, e => Assert.Null(CreditCode.Validate(e.CreditCode)));
        Assert.Equal(500, employers.Select(e => e.CreditCode).Distinct().Count());
        Assert.All(employers.Where(e => e.CityCode == "nanjing"), e => Assert.StartsWith("913201", e.CreditCode, StringComparison.Ordinal));
    }

    [Fact]
    public void Postings_Generated_AboutTenPercentTraditionalWithSaneSalaries()
    {
        using var g = new DemoDataGenerator(Cities, 12, Anchor);
        var employers = g.CreateEmployers(100).Select(e => e.Employer).ToList();
        Assign(employers);
        var postings = g.CreatePostings(employers, 3000).ToList();

        var traditional = postings.Count(p => p.Description.Any(ch => TraditionalOnly.Contains(ch, StringComparison.Ordinal)));
        Assert.InRange(traditional / (double)postings.Count, 0.06, 0.14);

        Assert.All(postings.Where(p => !p.SalaryNegotiable), p =>
        {
            Assert.NotNull(p.SalaryMin);
            Assert.True(p.SalaryMin <= p.SalaryMax);
            Assert.InRange(p.SalaryMonths, 12, 24);
        });
        Assert.All(postings, p => Assert.NotNull(Cities.FindByCode(p.CityCode)));
        Assert.True(postings.Select(p => p.Category).Distinct().Count() >= 8);

        // Pay fits the city: the same titles pay more in Nanjing than in Huai'an.
        double Median(string city) => postings.Where(p => p.CityCode == city && p.SalaryMax is not null)
            .Select(p => (double)p.SalaryMax!.Value).Order().ElementAt(postings.Count(p => p.CityCode == city && p.SalaryMax is not null) / 2);
        Assert.True(Median("nanjing") > Median("huaian"));
    }

    [Fact]
    public void Graduates_Generated_HaveValidContactsAndResumes()
    {
        using var g = new DemoDataGenerator(Cities, 13, Anchor);
        var graduates = g.CreateGraduates(300).ToList();
        Assert.All(graduates, x =>
        {
            Assert.True(ContactRules.IsIdNumber(x.Resume.Contact.IdNumber), x.Resume.Contact.IdNumber);
            Assert.True(ContactRules.IsMobilePhone(x.Resume.Contact.Phone), x.Resume.Contact.Phone);
            Assert.NotEmpty(x.Resume.PreferredCities);
            Assert.All(x.Resume.PreferredCities, c => Assert.NotNull(Cities.FindByCode(c)));
        });
        Assert.Equal(300, graduates.Select(x => x.Account.Email).Distinct().Count());
    }

    [Fact]
    public void Postings_Generated_UseTheJobModelPlausibly()
    {
        using var g = new DemoDataGenerator(Cities, 13, Anchor);
        var employers = g.CreateEmployers(100).Select(e => e.Employer).ToList();
        Assign(employers);
        var postings = g.CreatePostings(employers, 3000).ToList();

        var junior = postings.Where(p => p.Education == EducationLevel.JuniorHigh).ToList();
        Assert.InRange(junior.Count, 30, 1500);
        Assert.All(junior, p => Assert.Contains("初中及以上", p.Description, StringComparison.Ordinal));
        Assert.Contains(postings, p => p.Type == Jobs.Core.Postings.PostingType.Campus && p.Cohort is not null);
        Assert.Contains(postings, p => p.Type == Jobs.Core.Postings.PostingType.PartTime);
        Assert.Contains(postings, p => p.SalaryBasis == Jobs.Core.Imports.Feeds.SalaryBasis.Hourly);
        Assert.All(postings.Where(p => p.Cohort is not null), p => Assert.True(p.Type is Jobs.Core.Postings.PostingType.Campus or Jobs.Core.Postings.PostingType.Internship));
        Assert.InRange(postings.Count(p => p.Benefits.Any(b => b.Tag == "board-and-lodging")), 30, 3000);
        Assert.All(postings.SelectMany(p => p.Benefits), b => Assert.Equal(Jobs.Core.Postings.PostingBenefit.Extracted, b.Source));
    }

    [Fact]
    public void Postings_Generated_DutiesAndRequirementsComeFromTheTitlesOwnPool()
    {
        var (_, postings) = Generate(21, 150, 4000);
        var titles = DemoCatalog.Categories.SelectMany(c => c.Titles).GroupBy(t => t.Title).ToDictionary(g => g.Key, g => g.Select(t => t.Family).Distinct().ToArray());
        var pools = DemoCatalog.Families.ToDictionary(f => f.Family);
        var simplified = postings;
        Assert.All(postings, p => Assert.True(titles.ContainsKey(p.Title), p.Title));

        // A numbered line that is some function's sentence must be one of the title's own function's sentences.
        var catalogue = DemoCatalog.Families.SelectMany(f => f.Duties.Concat(f.Requirements)).ToHashSet();
        var numbered = new System.Text.RegularExpressions.Regex(@"^\d+\. (.+)[；。]$");
        var checkedLines = 0;
        Assert.All(simplified, p =>
        {
            var own = titles[p.Title].SelectMany(f => pools[f].Duties.Concat(pools[f].Requirements)).ToHashSet();
            foreach (var line in p.Description.Split('\n'))
            {
                var m = numbered.Match(line);
                if (m.Success && catalogue.Contains(m.Groups[1].Value))
                {
                    checkedLines++;
                    Assert.True(own.Contains(m.Groups[1].Value), $"{p.Title}: {line}");
                }
            }
        });
        Assert.True(checkedLines > postings.Count * 3);

        // The cases the issue names: a PLC engineer designs no chips, a charging-pile technician buys no spare parts.
        Assert.All(simplified.Where(p => p.Title == "PLC工程师"), p => Assert.DoesNotContain("芯片", p.Description, StringComparison.Ordinal));
        Assert.All(simplified.Where(p => p.Title == "充电桩运维"), p => Assert.DoesNotContain("备品备件", p.Description, StringComparison.Ordinal));
        Assert.All(simplified.Where(p => p.Title == "叉车司机"), p => Assert.DoesNotContain("配送任务", p.Description, StringComparison.Ordinal));
        Assert.Contains(simplified, p => p.Title == "PLC工程师");
        Assert.Contains(simplified, p => p.Title == "充电桩运维");
    }

    [Fact]
    public void Postings_Generated_MostlyInTheEmployersOwnCityAndTheRestNearby()
    {
        var (employers, postings) = Generate(22, 200, 5000);
        var home = employers.ToDictionary(e => e.Id, e => Cities.FindByCode(e.CityCode)!);
        var own = postings.Count(p => p.CityCode == home[p.EmployerId].Code) / (double)postings.Count;
        Assert.InRange(own, 0.85, 0.97);
        Assert.All(postings, p => Assert.True(home[p.EmployerId].DistanceKmTo(Cities.FindByCode(p.CityCode)!) <= DemoDataGenerator.NearbyKm, $"{home[p.EmployerId].Code} -> {p.CityCode}"));
        Assert.All(postings.GroupBy(p => p.EmployerId).Where(g => g.Count() >= 40),
            g => Assert.True(g.Count(p => p.CityCode == home[g.Key].Code) >= 0.75 * g.Count(), home[g.Key].Code));
    }

    [Fact]
    public void Postings_Generated_ManufacturingCitiesHireLargelyBlueCollarAndNanjingMostlyOffice()
    {
        var (_, postings) = Generate(23, 500, 20000);
        foreach (var city in new[] { "chuzhou", "maanshan", "wuhu", "huaian", "zhenjiang" })
        {
            var local = postings.Where(p => p.CityCode == city).ToList();
            Assert.True(local.Count >= 300, city);
            Assert.InRange(local.Count(IsBlueCollar) / (double)local.Count, 0.40, 0.60);
        }

        var nanjing = postings.Where(p => p.CityCode == "nanjing").ToList();
        Assert.InRange(nanjing.Count(IsBlueCollar) / (double)nanjing.Count, 0.0, 0.30);

        var blue = postings.Where(IsBlueCollar).ToList();
        Assert.True(blue.Count(p => p.Education.Rank() < EducationLevel.Associate.Rank()) >= 0.85 * blue.Count);
        Assert.All(blue, p => Assert.Matches("班|工作时间", p.Description));
        Assert.Contains(blue, p => p.Description.Contains("包吃住", StringComparison.Ordinal));
        Assert.Contains(blue, p => p.Description.Contains("长白班", StringComparison.Ordinal));
        Assert.Contains(blue, p => p.SalaryBasis == Jobs.Core.Imports.Feeds.SalaryBasis.Daily);
    }

    private static readonly HashSet<string> BlueTitles = DemoCatalog.Categories.SelectMany(c => c.Titles)
        .Where(t => DemoCatalog.Families.Single(f => f.Family == t.Family).Blue).Select(t => t.Title).ToHashSet();

    private static bool IsBlueCollar(Jobs.Core.Postings.Posting p) => BlueTitles.Contains(p.Title);

    private static (List<Jobs.Core.Employers.Employer> Employers, List<Jobs.Core.Postings.Posting> Postings) Generate(int seed, int employerCount, int postingCount)
    {
        // All Simplified, so titles and sentences compare with the catalogue as written.
        using var g = new DemoDataGenerator(Cities, seed, Anchor) { TraditionalShare = 0 };
        var employers = g.CreateEmployers(employerCount).Select(e => e.Employer).ToList();
        Assign(employers);
        return (employers, g.CreatePostings(employers, postingCount).ToList());
    }

    private static void Assign(List<Jobs.Core.Employers.Employer> employers)
    {
        for (var i = 0; i < employers.Count; i++)
        {
            employers[i].Id = i + 1;
        }
    }
}

public sealed class SeededFactory : JobsApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("Storage:SeedDemoData", "true"),
        new("DemoData:Employers", "30"),
        new("DemoData:Postings", "300"),
        new("DemoData:Graduates", "40"),
    ];
}

public class DemoSeedingTests(SeededFactory factory) : IClassFixture<SeededFactory>
{
    [Fact]
    public async Task FirstStart_EmptyDatabase_SeedsPostingsThatListAndPage()
    {
        var client = factory.CreateClient();
        var page1 = await (await client.GetAsync("/api/postings?pageSize=50")).ReadObjectAsync();
        var page2 = await (await client.GetAsync("/api/postings?pageSize=50&page=2")).ReadObjectAsync();
        Assert.InRange((int)page1["total"]!, 200, 300);
        Assert.Equal(50, page1["items"]!.AsArray().Count);
        Assert.Empty(page1["items"]!.AsArray().Select(i => (long)i!["id"]!).Intersect(page2["items"]!.AsArray().Select(i => (long)i!["id"]!)));
    }

    [Fact]
    public async Task FirstStart_DemoAccounts_SignInWithDemoPassword()
    {
        foreach (var email in new[] { "employer1@demo.jobs", "graduate1@demo.jobs", "organiser.maanshan@demo.jobs", "organiser.heze@demo.jobs" })
        {
            var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = DemoSeeder.DemoPassword });
            Assert.True(response.StatusCode == HttpStatusCode.OK, email);
        }
    }

    [Fact]
    public async Task FirstStart_SeededPostings_AreSearchable()
    {
        var result = await (await factory.CreateClient().GetAsync("/api/postings/search?pageSize=5")).ReadObjectAsync();
        Assert.InRange((int)result["total"]!, 200, 300);
    }
}
