namespace Jobs.Core.Common;

public enum ServiceStatus
{
    Ok,
    Created,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
    TooManyRequests,
}

/// <summary>What a service call came to; the HTTP layer maps each status to its typed result.</summary>
public sealed record ServiceResult<T>(ServiceStatus Status, T? Value, ValidationErrors? Errors, string? Message)
{
    public static ServiceResult<T> Ok(T value) => new(ServiceStatus.Ok, value, null, null);

    public static ServiceResult<T> Created(T value) => new(ServiceStatus.Created, value, null, null);

    public static ServiceResult<T> NotFound(string message) => new(ServiceStatus.NotFound, default, null, message);

    public static ServiceResult<T> Forbidden(string message) => new(ServiceStatus.Forbidden, default, null, message);

    public static ServiceResult<T> Invalid(ValidationErrors errors) => new(ServiceStatus.Invalid, default, errors, null);

    public static ServiceResult<T> Conflict(string message) => new(ServiceStatus.Conflict, default, null, message);
}
