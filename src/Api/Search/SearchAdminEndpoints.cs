using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Core.Common;
using Jobs.Search.Postings;
using Jobs.Search.Resumes;
using Jobs.Search.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Search;

public sealed record RebuildResponse(int Postings, int Resumes, double Seconds);

public sealed record VocabularyResponse(string Path, int Groups, int Terms, IReadOnlyList<string> Problems);

public static class SearchAdminEndpoints
{
    public static void MapSearchAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/search").WithTags("Admin").RequireAuthorization();
        group.MapPost("/rebuild", RebuildAsync).ProducesProblems(401, 403).WithSummary("Rebuild both search indexes from the database; admin only");
        group.MapPost("/vocabulary/reload", ReloadVocabulary).ProducesProblems(401, 403)
            .WithSummary("Reload the synonym file now (it also reloads by itself when the file changes); admin only");
    }

    internal static async Task<Results<Ok<RebuildResponse>, ProblemHttpResult>> RebuildAsync(
        HttpContext http, PostingIndex postings, ResumeIndex resumes, CancellationToken cancellationToken)
    {
        if (!http.User.ToActor().IsAdmin)
        {
            return ServiceResults.Problem(ServiceStatus.Forbidden, "只有管理员可以重建索引");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var p = await postings.RebuildAsync(cancellationToken);
        var r = await resumes.RebuildAsync(cancellationToken);
        return TypedResults.Ok(new RebuildResponse(p, r, Math.Round(watch.Elapsed.TotalSeconds, 2)));
    }

    internal static Results<Ok<VocabularyResponse>, ProblemHttpResult> ReloadVocabulary(HttpContext http, VocabularyProvider vocabulary,
        Jobs.Core.Common.NodeCacheEvents nodes)
    {
        if (!http.User.ToActor().IsAdmin)
        {
            return ServiceResults.Problem(ServiceStatus.Forbidden, "只有管理员可以重新加载词表");
        }

        var v = vocabulary.Reload();
        // The other nodes read their own copy of the file; they reload it too (a copy not yet updated there stays as it was).
        nodes.Publish(Jobs.Search.ServiceCollectionExtensions.VocabularyCache, "reload");
        return TypedResults.Ok(new VocabularyResponse(vocabulary.Path, v.GroupCount, v.TermCount, v.Problems));
    }
}
