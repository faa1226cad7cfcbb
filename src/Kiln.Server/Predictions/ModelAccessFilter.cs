using System.Collections.Concurrent;
using System.Security.Claims;
using Kiln.Server.Accounts;
using Kiln.Serving;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Predictions;

/// <summary>
/// When the server requires API keys, the model endpoints need a signed-in caller (a key, or the web UI's session for
/// its "try it" form) and answer only for models the caller may see (<see cref="UserAccess"/>): another user's private
/// model and one the registry does not know get the same 404 from here, so no answer tells them apart. A model's tags
/// are read from the registry at most every <see cref="OwnerLifetime"/>, and the caller's roles as
/// <see cref="PlatformAccess.ForAsync"/> keeps them, not per request.
/// </summary>
public sealed class ModelAccessFilter(TrackingStore tracking, PlatformAccess access) : IEndpointFilter
{
    static readonly TimeSpan OwnerLifetime = TimeSpan.FromSeconds(2);

    readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Tags, DateTimeOffset Read)> _tags = new(StringComparer.Ordinal);

    /// <summary>Puts the key requirement and this filter on a group of model endpoints.</summary>
    public static void Require(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.RequireAuthorization(ApiKeyAuthentication.Policy);
        group.AddEndpointFilter<ModelAccessFilter>();
        group.WithMetadata(new RequiredMarker());
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var values = context.HttpContext.Request.RouteValues;
        var named = values.TryGetValue("name", out var name) ? name as string : values.TryGetValue("model", out var model) ? model as string : null;
        if (named is not null && !await MaySeeAsync(context.HttpContext, ModelNameIn(named)).ConfigureAwait(false))
            return TypedResults.Problem($"no served model is named '{ModelNameIn(named)}'", statusCode: StatusCodes.Status404NotFound, title: "Model not served");
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>Whether the request's endpoint requires a key, and so shows each caller only the models they may see.</summary>
    public static bool IsRequired(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint()?.Metadata.GetMetadata<RequiredMarker>() is not null;
    }

    /// <summary>
    /// Whether the request may use the model: false for one the registry does not know too, which is answered as another
    /// user's is; always true on a server that does not require keys.
    /// </summary>
    public async ValueTask<bool> MaySeeAsync(HttpContext context, string model)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsRequired(context)) return true;
        return await MaySeeAsync(context.User, model, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Whether the signed-in user may see the registered model; false for anyone not signed in and for a model the registry does not know.</summary>
    public async ValueTask<bool> MaySeeAsync(ClaimsPrincipal user, string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true) return false;
        return await TagsAsync(model, cancellationToken).ConfigureAwait(false) is { } tags
            && (await access.ForAsync(user, cancellationToken).ConfigureAwait(false)).CanSee(tags);
    }

    /// <summary>
    /// Whether the request may change the model (its deployment): the owner, an editor of its project or an admin; always
    /// true on a server that does not require keys. The model's tags are read now, not kept: it may have moved project since.
    /// </summary>
    public async ValueTask<bool> MayChangeAsync(HttpContext context, string model)
    {
        if (!IsRequired(context)) return true;
        if (context.User.Identity?.IsAuthenticated != true) return false;
        var tags = await TagsAsync(model, context.RequestAborted, fresh: true).ConfigureAwait(false);
        return tags is null || (await access.ForAsync(context.User, context.RequestAborted).ConfigureAwait(false)).CanChange(tags);
    }

    async ValueTask<IReadOnlyDictionary<string, string>?> TagsAsync(string model, CancellationToken cancellationToken, bool fresh = false)
    {
        if (!fresh && _tags.TryGetValue(model, out var known) && DateTimeOffset.UtcNow - known.Read < OwnerLifetime) return known.Tags;
        try
        {
            var tags = (await tracking.Registry.GetModelAsync(model, cancellationToken).ConfigureAwait(false)).Tags;
            _tags[model] = (tags, DateTimeOffset.UtcNow);
            return tags;
        }
        catch (TrackingException e) when (e.Code is TrackingErrorCode.ResourceDoesNotExist or TrackingErrorCode.InvalidParameterValue)
        {
            return null;
        }
    }

    /// <summary>The model's name in a route value that may carry an alias or version (<c>name@alias</c>, <c>name/3</c>).</summary>
    static string ModelNameIn(string text)
    {
        try
        {
            return ModelReference.Parse(text).Name;
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>Marks the endpoints that require a key, so the listing knows to filter.</summary>
    sealed class RequiredMarker;
}
