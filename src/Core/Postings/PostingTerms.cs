using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Taxonomy;

namespace Jobs.Core.Postings;

/// <summary>
/// The job-model part of <see cref="PostingInput"/> (type and cohort, accepts-beginners, benefit tags, salary as published,
/// function) with what the other checks of <see cref="PostingValues.Check"/> already decided. Only that check builds it.
/// </summary>
internal sealed record PostingTermsInput
{
    public string? Type { get; init; }

    public string? Cohort { get; init; }

    public bool? AcceptsBeginners { get; init; }

    public IReadOnlyList<string>? Benefits { get; init; }

    /// <summary>What the experience spelling said about beginners (无经验可培训 does).</summary>
    public bool ExperienceWelcomesBeginners { get; init; }

    public ExperienceLevel Experience { get; init; }

    public string? Description { get; init; }

    public SalaryBasis SalaryBasis { get; init; }

    public double? PostedSalaryMin { get; init; }

    public double? PostedSalaryMax { get; init; }

    /// <summary>The job function as given: a code, a name or an alias (后端开发, backend, java开发).</summary>
    public string? Function { get; init; }

    /// <summary>The category text as submitted (free text; the 16 legacy labels included); classified when no function is given.</summary>
    public string? CategoryText { get; init; }

    /// <summary>The title, the fallback for classification.</summary>
    public string? Title { get; init; }
}

/// <summary>The checked job-model fields, part of <see cref="PostingValues"/> (whose ApplyTo is the one way they reach a posting).</summary>
public sealed record PostingTerms
{
    public static PostingTerms Default { get; } = new();

    public PostingType Type { get; init; }

    public int? Cohort { get; init; }

    public bool AcceptsBeginners { get; init; }

    public IReadOnlyList<PostingBenefit> Benefits { get; init; } = [];

    public SalaryBasis SalaryBasis { get; init; }

    public double? PostedSalaryMin { get; init; }

    public double? PostedSalaryMax { get; init; }

    public string? FunctionCode { get; init; }

    /// <summary>True when <see cref="Check"/> decided the function (given or classified from a title); otherwise ApplyTo classifies.</summary>
    public bool FunctionDecided { get; init; }

    /// <summary>Set when no function could be recognised (未能识别职能：…); not part of equality.</summary>
    public string? FunctionWarning { get; init; }

    // Benefits are a list: compare them by content so equal rows (and their content hashes) compare equal.
    public bool Equals(PostingTerms? other) =>
        other is not null && Type == other.Type && Cohort == other.Cohort && AcceptsBeginners == other.AcceptsBeginners
        && SalaryBasis == other.SalaryBasis && PostedSalaryMin == other.PostedSalaryMin && PostedSalaryMax == other.PostedSalaryMax
        && FunctionCode == other.FunctionCode && FunctionDecided == other.FunctionDecided
        && Benefits.Select(b => (b.Tag, b.Source, b.Evidence)).SequenceEqual(other.Benefits.Select(b => (b.Tag, b.Source, b.Evidence)));

    public override int GetHashCode() => HashCode.Combine(Type, Cohort, AcceptsBeginners, SalaryBasis, PostedSalaryMin, Benefits.Count, FunctionCode);

    internal void ApplyTo(Posting p)
    {
        p.Type = Type;
        p.Cohort = Cohort;
        p.AcceptsBeginners = AcceptsBeginners;
        p.Benefits = Benefits.Select(b => new PostingBenefit { Tag = b.Tag, Source = b.Source, Evidence = b.Evidence }).ToList();
        p.SalaryBasis = SalaryBasis;
        p.PostedSalaryMin = PostedSalaryMin;
        p.PostedSalaryMax = PostedSalaryMax;
        // Paths that check terms without a title (demo data) classify here, from the posting's own category and title.
        p.FunctionCode = FunctionDecided ? FunctionCode : JobFunctions.Classify(p.Category, p.Title)?.Code;
    }

    /// <summary>
    /// Part of <see cref="PostingValues.Check"/>. <paramref name="reject"/> receives the field name and a Chinese reason; the
    /// result is meaningful only when nothing was rejected.
    /// </summary>
    internal static PostingTerms Check(PostingTermsInput input, DateTime utcNow, Action<string, string> reject)
    {
        var type = PostingType.FullTime;
        var typeGiven = !string.IsNullOrWhiteSpace(input.Type);
        if (typeGiven && !PostingTypes.TryParse(input.Type, out type))
        {
            reject("type", $"未知职位类型“{Shorten(input.Type!)}”。可选：{string.Join("、", PostingTypes.AllLabels)}（社招、暑期实习、管培生等写法也可）");
        }

        int? cohort = null;
        if (!string.IsNullOrWhiteSpace(input.Cohort))
        {
            cohort = LabourTerms.ParseCohortYear(input.Cohort);
            var (first, last) = CohortRange(utcNow);
            if (cohort is null)
            {
                reject("cohort", $"届别“{Shorten(input.Cohort)}”无法识别，应写成“{utcNow.Year + 1}届”或“{utcNow.Year + 1}”");
            }
            else if (cohort < first || cohort > last)
            {
                reject("cohort", $"届别应在 {first}届 到 {last}届 之间");
                cohort = null;
            }
            else if (!typeGiven)
            {
                // A cohort alone means campus hiring: that is how adverts use 2026届.
                type = PostingType.Campus;
            }
            else if (!type.HasCohort())
            {
                reject("cohort", "只有校招和实习职位可以填写届别");
            }
        }

        var explicitTags = new List<BenefitTag>();
        if (input.Benefits is { } benefits)
        {
            if (benefits.Count > BenefitTags.MaxExplicit)
            {
                reject("benefits", $"福利标签最多 {BenefitTags.MaxExplicit} 个");
            }
            else
            {
                foreach (var text in benefits)
                {
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        continue;
                    }

                    if (BenefitTags.Find(text) is { } tag)
                    {
                        explicitTags.Add(tag);
                    }
                    else
                    {
                        reject("benefits", $"未知福利标签“{Shorten(text)}”。可选：{string.Join("、", BenefitTags.All.Select(t => t.Name))}");
                    }
                }
            }
        }

        JobFunction? function = null;
        var decided = false;
        string? functionWarning = null;
        if (!string.IsNullOrWhiteSpace(input.Function))
        {
            function = JobFunctions.Find(input.Function);
            decided = true;
            if (function is null)
            {
                reject("function", $"未知职能“{Shorten(input.Function)}”。请填写职能代码、名称或常见叫法（如 后端开发、普工、护士），完整列表见 docs/job-taxonomy.md");
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Title))
        {
            function = JobFunctions.Classify(input.CategoryText, input.Title);
            decided = true;
            if (function is null)
            {
                var said = string.IsNullOrWhiteSpace(input.CategoryText) ? input.Title : $"{input.CategoryText.Trim()}（{input.Title.Trim()}）";
                functionWarning = $"未能识别职能：{Shorten(said)}";
            }
        }

        var beginners = input.AcceptsBeginners
            ?? (input.ExperienceWelcomesBeginners || input.Experience == ExperienceLevel.FreshGraduate
                || LabourTerms.WelcomesBeginners(input.Description));

        return new PostingTerms
        {
            Type = type,
            Cohort = cohort,
            AcceptsBeginners = beginners,
            Benefits = BenefitTags.Resolve(explicitTags, input.Description),
            SalaryBasis = input.SalaryBasis,
            PostedSalaryMin = input.PostedSalaryMin,
            PostedSalaryMax = input.PostedSalaryMax,
            FunctionCode = function?.Code,
            FunctionDecided = decided,
            FunctionWarning = functionWarning,
        };
    }

    /// <summary>Cohorts a posting may name: last year's (still looking) up to four years ahead (interns in their first year).</summary>
    public static (int First, int Last) CohortRange(DateTime utcNow) => (utcNow.Year - 1, utcNow.Year + 4);

    private static string Shorten(string text)
    {
        var t = text.Trim();
        return t.Length <= 40 ? t : t[..40] + "…";
    }
}
