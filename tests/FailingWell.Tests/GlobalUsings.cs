// The namespaces most test files use; a feature's own namespace stays a using in the tests of it.
global using System.Net;
global using FailingWell.Tests.Support;
global using FailingWell.Web.Domain;
global using FailingWell.Web.Infrastructure.Accounts;
global using MediatR;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Xunit;
