using Jobs.Core.Common;
using Jobs.Core.Postings;
using Microsoft.AspNetCore.Http;

namespace Jobs.Web.Employer;

/// <summary>Small rules the employer pages share.</summary>
public static class EmployerPages
{
    public const string Role = "employer";

    /// <summary>Open, closed or expired, as the posting list's tabs and the API's status field name them.</summary>
    public static string StatusOf(Posting p, DateTime utcNow) =>
        p.Status == PostingStatus.Closed ? "closed" : p.IsExpired(utcNow) ? "expired" : "open";

    public static string StatusLabel(string status) => status switch
    {
        "closed" => "已关闭",
        "expired" => "已过期",
        _ => "招聘中",
    };

    /// <summary>
    /// Another employer's posting is answered as if it did not exist: the page says nothing about postings that are not
    /// the reader's own.
    /// </summary>
    public static bool Owns(Actor actor, Posting posting) => actor.IsAdmin || (actor.EmployerId is { } id && id == posting.EmployerId);

    public static void NotFound(HttpContext http) => SiteErrors.RespondWithPage(http, StatusCodes.Status404NotFound);
}
