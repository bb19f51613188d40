using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Core.Common;
using Jobs.Core.Notifications;
using Jobs.Core.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Notifications;

public sealed record NotificationPostingResponse(long PostingId, string Title, string EmployerName, string City, string CityCode, double? Score);

public sealed record NotificationResponse(
    long Id, string Kind, string Title, string Body, string? Link, IReadOnlyList<NotificationPostingResponse> Postings, DateTime CreatedAt,
    DateTime? ReadAt, bool Read)
{
    public static NotificationResponse From(Notification n, CityDirectory cities) => new(n.Id, n.Kind, n.Title, n.Body, n.Link,
        n.Postings.Select(p => new NotificationPostingResponse(p.PostingId, p.Title, p.EmployerName, cities.FindByCode(p.CityCode)?.Name ?? p.CityCode,
            p.CityCode, p.Score)).ToArray(),
        n.CreatedAt, n.ReadAt, n.ReadAt is not null);
}

public sealed record NotificationListResponse(int Total, int Unread, int Page, int PageSize, IReadOnlyList<NotificationResponse> Items);

public sealed record MarkedReadResponse(int Marked);

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync).ProducesValidationProblem().ProducesProblems(401)
            .WithSummary("The signed-in user's notifications (job alerts, fair reminders), newest first; unread=true for unread only");
        group.MapPost("/{id:long}/read", MarkReadAsync).ProducesProblems(401, 404).WithSummary("Mark one notification read");
        group.MapPost("/read-all", MarkAllReadAsync).ProducesProblems(401).WithSummary("Mark every notification read");
    }

    internal static async Task<Results<Ok<NotificationListResponse>, ValidationProblem>> ListAsync(bool? unread, int? page, int? pageSize,
        HttpContext http, NotificationService notifications, CityDirectory cities, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var (list, unreadCount) = await notifications.ListAsync(http.User.ToActor(), unread == true, paging, cancellationToken);
        return TypedResults.Ok(new NotificationListResponse(list.Total, unreadCount, list.Page, list.PageSize,
            list.Items.Select(n => NotificationResponse.From(n, cities)).ToArray()));
    }

    internal static async Task<Results<Ok<NotificationResponse>, ValidationProblem, ProblemHttpResult>> MarkReadAsync(long id, HttpContext http,
        NotificationService notifications, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await notifications.MarkReadAsync(http.User.ToActor(), id, cancellationToken);
        return result.ToOk(n => NotificationResponse.From(n, cities));
    }

    internal static async Task<Ok<MarkedReadResponse>> MarkAllReadAsync(HttpContext http, NotificationService notifications,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new MarkedReadResponse(await notifications.MarkAllReadAsync(http.User.ToActor(), cancellationToken)));
}
