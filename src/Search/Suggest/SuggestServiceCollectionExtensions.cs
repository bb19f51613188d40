using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using Jobs.Search.Postings;
using Jobs.Search.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Search.Suggest;

public static class SuggestServiceCollectionExtensions
{
    /// <summary>The suggestion lexicon (rebuilt in the background), its pinyin expansion and "did you mean".</summary>
    /// <param name="analysisDataDirectory">The configured analysis data folder, or null for the copies beside the binaries.</param>
    internal static IServiceCollection AddSearchSuggestions(this IServiceCollection services, Func<IServiceProvider, string?> analysisDataDirectory)
    {
        services.AddOptions<SuggestOptions>().BindConfiguration(SuggestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SearchLexiconProvider(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ChineseTextAnalysis>(),
            sp.GetRequiredService<VocabularyProvider>(), sp.GetRequiredService<CityDirectory>(), sp.GetRequiredService<PostingIndex>(),
            sp.GetRequiredService<IOptions<SuggestOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SearchLexiconProvider>>(),
            AnalysisDataFile.Locate(AnalysisDataFile.Dictionary, analysisDataDirectory(sp))));
        services.AddSingleton<DidYouMeanService>();
        return services;
    }
}
