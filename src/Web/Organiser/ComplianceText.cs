using Jobs.Core.Postings.Compliance;

namespace Jobs.Web.Organiser;

/// <summary>Splits a posting's text into plain and offending parts, so a page can mark the offending words with &lt;mark&gt;.</summary>
public static class ComplianceText
{
    public readonly record struct Part(string Text, bool Marked);

    /// <summary>Every occurrence of each finding's words in <paramref name="text"/> is a marked part; the rest is plain.</summary>
    public static List<Part> Mark(string text, IEnumerable<ComplianceIssue> findings)
    {
        var marked = new bool[text.Length];
        foreach (var words in findings.Select(f => f.Words).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal))
        {
            for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + words.Length, StringComparison.Ordinal))
            {
                Array.Fill(marked, true, at, words.Length);
            }
        }

        var parts = new List<Part>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marked[i] != marked[start])
            {
                parts.Add(new Part(text[start..i], marked[start]));
                start = i;
            }
        }

        return parts;
    }

    public static string FieldLabel(string field) => field switch
    {
        "title" => "职位名称",
        "description" => "职位描述",
        "skills" => "技能",
        _ => "薪资",
    };
}
