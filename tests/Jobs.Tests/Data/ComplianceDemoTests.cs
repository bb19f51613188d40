using Jobs.Core.Demo;
using Jobs.Core.Postings.Compliance;
using Jobs.Core.Regions;

namespace Jobs.Tests.Data;

/// <summary>The demo site must still look full: generated postings carry no discriminatory wording that would hold them.</summary>
public class ComplianceDemoTests
{
    [Fact]
    public void CreatePostings_DemoTexts_HaveNoComplianceFindings()
    {
        using var generator = new DemoDataGenerator(CityDirectory.LoadEmbedded(), 7, new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));
        var employers = generator.CreateEmployers(40).Select(e => e.Employer).ToList();
        var flagged = generator.CreatePostings(employers, 3000)
            .Select(p => (p.Title, Issues: ComplianceChecker.CheckText(p.Title, p.Description, p.Skills)))
            .Where(x => x.Issues.Count > 0)
            .Select(x => $"{x.Title}: {string.Join("、", x.Issues.Select(i => i.Rule + " " + i.Words))}")
            .ToList();
        Assert.True(flagged.Count == 0, string.Join("\n", flagged.Take(20)));
    }
}
