using Jobs.Core.Postings.Compliance;
using Xunit.Abstractions;

namespace Jobs.Tests.Data;

/// <summary>
/// Precision and recall of the compliance checker on the judged set beside this file, per rule and overall (micro-averaged
/// over rule findings per posting). The figures are printed to the test output and quoted in docs/job-taxonomy.md.
/// </summary>
public class ComplianceJudgedTests(ITestOutputHelper output)
{
    private sealed record Judged(string City, string Title, string Description, bool Negotiable, HashSet<string> Rules);

    private static string DataFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jobs.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Jobs.Tests", "Data", name);
            }
        }

        throw new InvalidOperationException("Jobs.sln not found above " + AppContext.BaseDirectory);
    }

    private static List<Judged> Load(string name = "compliance-judged.tsv") =>
        File.ReadAllLines(DataFile(name))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => new Judged(c[0], c[1], c[2], c[3] == "面议",
                c[4] == "none" ? [] : c[4].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)))
            .ToList();

    private static HashSet<string> Found(Judged row)
    {
        var found = ComplianceChecker.CheckText(row.Title, row.Description, null).Select(i => i.Rule).ToHashSet(StringComparer.Ordinal);
        if (ComplianceChecker.CheckSalary(row.Negotiable, row.Negotiable ? null : 1, null) is { } salary)
        {
            found.Add(salary.Rule);
        }

        return found;
    }

    [Fact]
    public void JudgedSet_HasAtLeast150TextsWithKnownRulesAndLookAlikes()
    {
        var rows = Load();
        Assert.True(rows.Count >= 150, $"only {rows.Count} judged texts");
        var codes = ComplianceRules.All.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        Assert.All(rows, r => Assert.Subset(codes, r.Rules));
        Assert.True(rows.Count(r => r.Rules.Count == 0) >= 60, "the set needs many lawful texts and look-alikes");
        foreach (var code in codes)
        {
            Assert.True(rows.Count(r => r.Rules.Contains(code)) >= 5, $"rule {code} has fewer than 5 judged violations");
        }
    }

    [Fact]
    public void Check_JudgedSet_PrecisionAndRecallAtLeast95PercentPerRuleAndOverall()
    {
        var (failures, precision, recall, errors) = Measure("compliance-judged.tsv");
        Assert.True(precision >= 0.95 && recall >= 0.95 && failures.Count == 0,
            $"below 95%: {string.Join(", ", failures)}; overall precision {precision:P1}, recall {recall:P1}\n{string.Join("\n", errors)}");
    }

    /// <summary>
    /// The held-out set was written after the rules and never used to change them: its figures are reported (printed and in
    /// docs/job-taxonomy.md) as the honest estimate; the assertion only guards against a collapse.
    /// </summary>
    [Fact]
    public void Check_HeldOutSet_ReportsFiguresAndStaysUseful()
    {
        var (_, precision, recall, _) = Measure("compliance-heldout.tsv");
        Assert.True(precision >= 0.8 && recall >= 0.6, $"held-out precision {precision:P1}, recall {recall:P1}");
    }

    private (List<string> Failures, double Precision, double Recall, List<string> Errors) Measure(string name)
    {
        var rows = Load(name);
        var counts = ComplianceRules.All.ToDictionary(r => r.Code, _ => (Tp: 0, Fp: 0, Fn: 0), StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var row in rows)
        {
            var found = Found(row);
            foreach (var code in counts.Keys.ToList())
            {
                var (tp, fp, fn) = counts[code];
                var judged = row.Rules.Contains(code);
                var got = found.Contains(code);
                counts[code] = (tp + (judged && got ? 1 : 0), fp + (!judged && got ? 1 : 0), fn + (judged && !got ? 1 : 0));
                if (judged != got)
                {
                    var words = string.Join("、", ComplianceChecker.CheckText(row.Title, row.Description, null).Where(i => i.Rule == code).Select(i => i.Words));
                    errors.Add($"  {(got ? "false positive" : "missed")} {code}: {row.Title}｜{row.Description} {words}");
                }
            }
        }

        static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
        var failures = new List<string>();
        output.WriteLine($"{name}: {rows.Count} texts, {rows.Count(r => r.Rules.Count == 0)} lawful");
        foreach (var (code, (tp, fp, fn)) in counts)
        {
            var precision = Ratio(tp, tp + fp);
            var recall = Ratio(tp, tp + fn);
            output.WriteLine($"  {code}: precision {precision:P1} ({tp}/{tp + fp}), recall {recall:P1} ({tp}/{tp + fn})");
            if (precision < 0.95 || recall < 0.95)
            {
                failures.Add(code);
            }
        }

        var allTp = counts.Values.Sum(c => c.Tp);
        var allFp = counts.Values.Sum(c => c.Fp);
        var allFn = counts.Values.Sum(c => c.Fn);
        var overallPrecision = Ratio(allTp, allTp + allFp);
        var overallRecall = Ratio(allTp, allTp + allFn);
        output.WriteLine($"  overall: precision {overallPrecision:P1} ({allTp}/{allTp + allFp}), recall {overallRecall:P1} ({allTp}/{allTp + allFn})");
        output.WriteLine("Errors:");
        errors.ForEach(output.WriteLine);
        return (failures, overallPrecision, overallRecall, errors);
    }
}
