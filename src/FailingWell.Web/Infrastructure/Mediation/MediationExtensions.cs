using System.Reflection;

namespace FailingWell.Web.Infrastructure.Mediation;

public static class MediationExtensions
{
    /// <summary>
    /// MediatR 5.1.0 has no container integration of its own: register the mediator, the pipeline
    /// (outermost first) and every handler and validator in this assembly by hand.
    /// </summary>
    public static WebApplicationBuilder AddFailingWellMediation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ServiceFactory>(provider => type => provider.GetService(type)!);
        services.AddScoped<IMediator, Mediator>();

        services.AddHttpContextAccessor();
        services.AddScoped<Accounts.ICurrentStaff, Accounts.HttpCurrentStaff>();
        services.AddMetrics();
        services.AddSingleton<AnonymousJourneyMetrics>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Telemetry.AnonymousTraceBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(CurrentStaffBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RequestLoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TypedTextBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehavior<,>));

        var assembly = typeof(MediationExtensions).Assembly;
        RegisterClosedImplementations(services, assembly, typeof(IRequestHandler<,>));
        RegisterClosedImplementations(services, assembly, typeof(IValidator<>));
        return builder;
    }

    private static void RegisterClosedImplementations(IServiceCollection services, Assembly assembly, Type openInterface)
    {
        var implementations = assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });
        foreach (var implementation in implementations)
        {
            var closedInterfaces = implementation.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);
            foreach (var closed in closedInterfaces)
            {
                services.AddScoped(closed, implementation);
            }
        }
    }
}
