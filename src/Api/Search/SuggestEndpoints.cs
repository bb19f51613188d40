using Jobs.Api.Infrastructure;
using Jobs.Api.RateLimiting;
using Jobs.Core.Common;
using Jobs.Search.Suggest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Search;

/// <summary>One completion. kind: title, skill, function, employer or city; count: open postings carrying it.</summary>
public sealed record SuggestItem(string Text, string Kind, int Count);

public sealed record SuggestResponse(string Q, IReadOnlyList<SuggestItem> Items);

public static class SuggestEndpoints
{
    public static void MapSuggestEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/suggest", Suggest).WithTags("Search").RequireRateLimiting(RateLimitPolicies.Search).ProducesValidationProblem()
            .WithSummary("Complete what someone is typing into the search box")
            .WithDescription("q: a prefix in Chinese (Traditional is folded), pinyin (ruanjian, ruan jian) or initials (rj → 软件工程师). "
                + "Items are titles, skills, functions, employers and cities of open postings, most postings first; kind is one of "
                + "title, skill, function, employer, city. An empty q gives an empty list; a q longer than the configured maximum "
                + "(40 characters by default) or a limit outside 1–20 is a 400. The list is rebuilt in the background, so a new or "
                + "closed posting shows within Suggest:RefreshSeconds (15 s by default) plus the rebuild time.");

    internal static Results<Ok<SuggestResponse>, ValidationProblem> Suggest(
        string? q, int? limit, SearchLexiconProvider lexicon, IOptions<SuggestOptions> options)
    {
        var settings = options.Value;
        var errors = new ValidationErrors();
        if (q is { } text && text.Length > settings.MaxQueryLength)
        {
            errors.Add("q", $"输入太长：联想最多接受 {settings.MaxQueryLength} 个字符，请直接搜索");
        }

        if (limit is < 1 or > SuggestionIndex.MaxLimit)
        {
            errors.Add("limit", $"limit 须在 1 到 {SuggestionIndex.MaxLimit} 之间");
        }

        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var typed = q?.Trim() ?? "";
        var items = typed.Length == 0
            ? []
            : lexicon.Current.Suggest(typed, limit ?? settings.DefaultLimit)
                .Select(s => new SuggestItem(s.Text, s.Kind.ToString().ToLowerInvariant(), s.Count)).ToArray();
        return TypedResults.Ok(new SuggestResponse(typed, items));
    }
}
