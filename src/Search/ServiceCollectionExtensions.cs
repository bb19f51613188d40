using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using Jobs.Search.Postings;
using Jobs.Search.Resumes;
using Jobs.Search.Suggest;
using Jobs.Search.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Search;

public static class ServiceCollectionExtensions
{
    /// <summary>The <see cref="NodeCacheEvents"/> name under which nodes tell each other to reload the synonym file.</summary>
    public const string VocabularyCache = "vocabulary";

    /// <summary>The Chinese analysis, the vocabulary, both indexes (singletons: one writer and searcher manager each) and search services.</summary>
    public static IServiceCollection AddJobsSearch(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var directory = AnalysisDataDirectory(sp, contentRoot);
            var segmenter = sp.GetRequiredService<IOptions<SearchOptions>>().Value.Segmenter;
            return ChineseTextAnalysis.Create(sp.GetRequiredService<CityDirectory>(), directory, segmenter, [PostingFields.Title]);
        });
        services.AddSingleton(sp =>
        {
            var directory = AnalysisDataDirectory(sp, contentRoot) ?? Path.Combine(AppContext.BaseDirectory, "Data");
            var analysis = sp.GetRequiredService<ChineseTextAnalysis>();
            var provider = new VocabularyProvider(Path.Combine(directory, VocabularyProvider.FileName), analysis.Fold,
                sp.GetRequiredService<ILogger<VocabularyProvider>>());
            // An admin's reload on one node reloads every node's copy.
            sp.GetRequiredService<NodeCacheEvents>().Register(VocabularyCache, _ => provider.Reload());
            return provider;
        });
        services.AddSingleton<PostingIndex>();
        services.AddSingleton<IPostingChangeObserver>(sp => sp.GetRequiredService<PostingIndex>());
        services.AddSingleton<PostingSearchService>();
        services.AddSearchSuggestions(sp => AnalysisDataDirectory(sp, contentRoot));
        services.AddSingleton<ResumeIndex>();
        services.AddSingleton<IResumeChangeObserver>(sp => sp.GetRequiredService<ResumeIndex>());
        services.AddSingleton<ResumeSearchService>();
        services.AddOptions<Jobs.Core.ChangeLog.ChangeLogOptions>().BindConfiguration(Jobs.Core.ChangeLog.ChangeLogOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Indexing.ChangeLogCatchUp>();
        services.AddOptions<Matching.MatchingOptions>().BindConfiguration(Matching.MatchingOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.TextWeight + o.CityWeight + o.EducationWeight + o.SalaryWeight + o.ExperienceWeight + o.FreshnessWeight + o.CohortWeight > 0,
                "Matching weights must not all be zero.")
            .ValidateOnStart();
        services.AddSingleton<Matching.PostingMatchService>();
        services.AddSingleton<Matching.CandidateMatchService>();
        services.AddScoped<Matching.PostingCandidatesService>();
        return services;
    }

    private static string? AnalysisDataDirectory(IServiceProvider sp, string contentRoot)
    {
        var configured = sp.GetRequiredService<IOptions<SearchOptions>>().Value.AnalysisDataDirectory;
        return string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(Path.Combine(contentRoot, configured));
    }
}
