using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;

namespace Jobs.Api.Infrastructure;

/// <summary>
/// Input checks every JSON request body gets before a handler sees it, so no value the serializer accepts can reach SQLite,
/// ICU or Lucene in a shape they fail on: strings with an unpaired surrogate (<c>"\ud800"</c>) and <c>null</c> elements in
/// lists whose element type is not nullable (<c>"slots": [null]</c>). Both answer 400 naming the field.
/// </summary>
public static class JsonInputValidation
{
    public static IServiceCollection AddJobsJsonInputValidation(this IServiceCollection services) =>
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new WellFormedStringConverter());
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(RejectNullElements);
        });

    /// <summary>
    /// The reader itself refuses to turn an unpaired surrogate escape into a string, but only with an
    /// <see cref="InvalidOperationException"/> the handler cannot tell from other conversion failures; this names the cause.
    /// </summary>
    private sealed class WellFormedStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                // Same failure (and message) the built-in converter gives for a number or object where text belongs.
                throw new JsonException();
            }

            return ReadText(ref reader);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        // Dictionary keys go through the string converter too; without these a custom one cannot be a key at all.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadText(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        private static string ReadText(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                // Unescaped text was validated as UTF-8 by the reader, so it cannot hold a lone surrogate.
                return reader.GetString()!;
            }

            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw new JsonFieldException(null, "含有无效的字符（不成对的代理项）");
            }
        }
    }

    /// <summary>Adds a check after each object is read: no list property whose elements are declared non-nullable holds a null.</summary>
    private static void RejectNullElements(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = type.Properties
            .Where(p => p.Get is not null && p.AttributeProvider is PropertyInfo or FieldInfo && HasNonNullableReferenceElements(p))
            .Select(p => (p.Name, Get: p.Get!))
            .ToArray();
        if (lists.Length == 0)
        {
            return;
        }

        var previous = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (name, get) in lists)
            {
                if (get(value) is not IEnumerable items)
                {
                    continue;
                }

                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        throw new JsonFieldException($"{name}[{index}]", "不能为 null");
                    }

                    index++;
                }
            }
        };
    }

    private static bool HasNonNullableReferenceElements(JsonPropertyInfo property)
    {
        var elementType = property.PropertyType.IsArray
            ? property.PropertyType.GetElementType()
            : property.PropertyType.IsGenericType && property.PropertyType.GetGenericArguments() is [var single]
                && typeof(IEnumerable<>).MakeGenericType(single).IsAssignableFrom(property.PropertyType)
                ? single
                : null;
        if (elementType is null || elementType.IsValueType || property.PropertyType == typeof(string))
        {
            // Value-type elements cannot be null: the serializer already refuses [null] for long[] with a 400.
            return false;
        }

        var context = new NullabilityInfoContext();
        var info = property.AttributeProvider switch
        {
            PropertyInfo p => context.Create(p),
            FieldInfo f => context.Create(f),
            _ => null,
        };
        var element = info?.ElementType ?? (info?.GenericTypeArguments is [var argument] ? argument : null);
        return element is { ReadState: NullabilityState.NotNull };
    }
}

/// <summary>A JSON value the serializer could read but the API refuses; <see cref="JsonException.Path"/> locates it.</summary>
public sealed class JsonFieldException(string? member, string reason) : JsonException(reason)
{
    /// <summary>The offending member below <see cref="JsonException.Path"/> (an element of a list the object holds), if any.</summary>
    public string? Member { get; } = member;

    public string Reason { get; } = reason;

    /// <summary>The field as the client wrote it: <c>slots[0]</c>, <c>members[1].name</c>; null for the body itself.</summary>
    public string? Field
    {
        get
        {
            var path = Path is null or "$" ? "" : Path.StartsWith("$.", StringComparison.Ordinal) ? Path[2..] : Path.TrimStart('$');
            return (path, Member) switch
            {
                ("", null) => null,
                ("", var m) => m,
                (var p, null) => p,
                (var p, var m) => $"{p}.{m}",
            };
        }
    }
}
