using Jobs.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Infrastructure;

/// <summary>Maps what a service call came to onto typed HTTP results; every failure is a problem-details body.</summary>
public static class ServiceResults
{
    public static Results<Ok<TOut>, ValidationProblem, ProblemHttpResult> ToOk<T, TOut>(this ServiceResult<T> result, Func<T, TOut> map) =>
        result.Status switch
        {
            ServiceStatus.Ok or ServiceStatus.Created => TypedResults.Ok(map(result.Value!)),
            ServiceStatus.Invalid => Validation(result.Errors!),
            _ => Problem(result.Status, result.Message),
        };

    public static Results<Created<TOut>, ValidationProblem, ProblemHttpResult> ToCreated<T, TOut>(
        this ServiceResult<T> result, Func<T, TOut> map, Func<TOut, string> location)
    {
        switch (result.Status)
        {
            case ServiceStatus.Ok or ServiceStatus.Created:
                var body = map(result.Value!);
                return TypedResults.Created(location(body), body);
            case ServiceStatus.Invalid:
                return Validation(result.Errors!);
            default:
                return Problem(result.Status, result.Message);
        }
    }

    public static ValidationProblem Validation(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), detail: "请求中有字段未通过校验", title: "One or more validation errors occurred.");

    public static ProblemHttpResult Problem(ServiceStatus status, string? message) => status switch
    {
        ServiceStatus.NotFound => TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "Not Found"),
        ServiceStatus.Forbidden => TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        ServiceStatus.Conflict => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        ServiceStatus.TooManyRequests => TypedResults.Problem(message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests"),
        _ => TypedResults.Problem(message, statusCode: StatusCodes.Status500InternalServerError),
    };

    public static ProblemHttpResult NotFound(string message) => Problem(ServiceStatus.NotFound, message);

    /// <summary>Documents the problem statuses an endpoint can answer, since ProblemHttpResult carries none itself.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var code in statusCodes)
        {
            builder.ProducesProblem(code);
        }

        return builder;
    }
}
