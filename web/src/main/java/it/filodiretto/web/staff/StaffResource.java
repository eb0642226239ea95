package it.filodiretto.web.staff;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.staff.NewStaffAccount;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.staff.StaffAccount;
import it.filodiretto.domain.staff.StaffAccountChanges;
import it.filodiretto.domain.staff.StaffService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Staff accounts for the city's provisioning scripts (role ADMIN, HTTP Basic; see web.xml). Same rules as
 * the console page: they are the domain's.
 */
@Path("v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    StaffService staff;

    @Context
    SecurityContext security;

    @GET
    public List<StaffRepresentation> list() {
        return staff.list().stream().map(StaffRepresentation::of).toList();
    }

    @GET
    @Path("{username}")
    public StaffRepresentation get(@PathParam("username") String username) {
        return StaffRepresentation.of(staff.find(username)
                .orElseThrow(() -> new DomainException(DomainError.STAFF_UNKNOWN, username)));
    }

    @POST
    public Response create(StaffRequest body, @Context UriInfo uri) {
        if (body == null) {
            throw new DomainException(DomainError.API_MISSING_BODY);
        }
        StaffAccount created = staff.create(new NewStaffAccount(body.username, body.displayName, body.password,
                roles(body.roles)), actor());
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build())
                .entity(StaffRepresentation.of(created)).build();
    }

    @PUT
    @Path("{username}")
    public StaffRepresentation update(@PathParam("username") String username, StaffRequest body) {
        if (body == null) {
            throw new DomainException(DomainError.API_MISSING_BODY);
        }
        if (body.username != null && !body.username.equalsIgnoreCase(username)) {
            throw new DomainException(DomainError.STAFF_USERNAME_IMMUTABLE);
        }
        StaffAccount updated = staff.update(username, new StaffAccountChanges(body.displayName,
                body.roles == null ? null : roles(body.roles), body.enabled, body.password), actor());
        return StaffRepresentation.of(updated);
    }

    /** Renames an account, e.g. the first one, {@code admin}: {@code {"username":"new-name"}}. */
    @POST
    @Path("{username}/rename")
    public Response rename(@PathParam("username") String username, StaffRequest body, @Context UriInfo uri) {
        if (body == null || body.username == null) {
            throw new DomainException(DomainError.API_MISSING_BODY);
        }
        StaffAccount renamed = staff.renameAccount(username, body.username, actor());
        return Response.ok(StaffRepresentation.of(renamed))
                .location(uri.getBaseUriBuilder().path("v1/staff").path(renamed.username()).build()).build();
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(name).strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new DomainException(DomainError.STAFF_UNKNOWN_ROLE, name);
            }
        }
        return roles;
    }
}
