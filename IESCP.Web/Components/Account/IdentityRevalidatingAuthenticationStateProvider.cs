using IESCP.Web.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace IESCP.Web.Components.Account;

/// <summary>
/// Re-checks an open page's session every minute, the same way every request is checked. A
/// flag, a removal or a new password also ends open pages at once (<see cref="Layout.SessionGuard"/>);
/// this is the backstop for a page that missed the push.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await SessionValidation.IsValidAsync(authenticationState.User, scope.ServiceProvider);
    }
}
