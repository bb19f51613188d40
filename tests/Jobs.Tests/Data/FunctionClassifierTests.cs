using Jobs.Core.Taxonomy;
using Xunit.Abstractions;

namespace Jobs.Tests.Data;

/// <summary>
/// Top-1 accuracy of the job-function classifier on the judged sets beside this file (titles and feed category texts).
/// The figures are printed to the test output and quoted in docs/job-taxonomy.md.
/// </summary>
public class FunctionClassifierTests(ITestOutputHelper output)
{
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

    private static List<(string Text, string Code)> Judged(string name) =>
        File.ReadAllLines(DataFile(name))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => (c[0], c[1]))
            .ToList();

    private double Measure(string name, Func<string, JobFunction?> classify)
    {
        var rows = Judged(name);
        var misses = new List<string>();
        var perGroup = new Dictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        foreach (var (text, code) in rows)
        {
            var got = classify(text);
            var group = JobFunctions.ByCode(code)?.Group.Code ?? "?";
            var (right, all) = perGroup.GetValueOrDefault(group);
            var ok = got?.Code == code;
            perGroup[group] = (right + (ok ? 1 : 0), all + 1);
            if (!ok)
            {
                misses.Add($"  {text} → {got?.Code ?? "(none)"}, expected {code}");
            }
        }

        var accuracy = (double)(rows.Count - misses.Count) / rows.Count;
        output.WriteLine($"{name}: top-1 accuracy {accuracy:P1} ({rows.Count - misses.Count}/{rows.Count})");
        foreach (var (group, (right, all)) in perGroup.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {group}: {(double)right / all:P0} ({right}/{all})");
        }

        output.WriteLine("Misses:");
        misses.ForEach(output.WriteLine);
        return accuracy;
    }

    [Fact]
    public void Classify_JudgedTitles_AtLeastNinetyPercentTopOne()
    {
        var accuracy = Measure("function-titles.tsv", title => JobFunctions.Classify(null, title));
        Assert.True(accuracy >= 0.90, $"title accuracy {accuracy:P1} is below 90%");
    }

    [Fact]
    public void Classify_JudgedCategoryTexts_AtLeastNinetyPercentTopOne()
    {
        var accuracy = Measure("category-texts.tsv", category => JobFunctions.Classify(category, null));
        Assert.True(accuracy >= 0.90, $"category accuracy {accuracy:P1} is below 90%");
    }

    [Theory]
    [InlineData("高级Java开发工程师", "backend")]
    [InlineData("數據分析師", "data-analyst")]
    [InlineData("数控车工", "cnc-operator")]
    [InlineData("客房服务员", "room-attendant")]
    public void Classify_Title_PrefersLongestAndFoldsTraditional(string title, string expected)
    {
        Assert.Equal(expected, JobFunctions.Classify(null, title)?.Code);
    }

    [Theory]
    [InlineData("Client Success Manager")]
    [InlineData("Developer Relations")]
    public void FromText_AsciiAliasInsideWord_DoesNotMatch(string title)
    {
        var got = JobFunctions.FromText(title);
        Assert.NotEqual("ie-engineer", got?.Code);
        Assert.NotEqual("process-engineer", got?.Code);
    }

    [Fact]
    public void Classify_UnknownText_StaysNull()
    {
        Assert.Null(JobFunctions.Classify("其他", "急招！！"));
    }

    [Theory]
    [InlineData("C", "制造业")]
    [InlineData("i", "软件/互联网")]
    [InlineData("I", "信息传输、软件和信息技术服务业")]
    public void Industries_Find_ByCodeNameOrAlias(string code, string text)
    {
        Assert.Equal(code.ToUpperInvariant(), Industries.Find(text)?.Code);
        Assert.Equal(code.ToUpperInvariant(), Industries.Find(code)?.Code);
    }
}
