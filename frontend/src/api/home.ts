import { gql } from './client';
import type { ToDoListQuery, ToDoListQueryVariables } from '../generated/graphql';

/** The home page's list: what the viewer should do next, soonest due first. */
export const toDoListQuery = gql<ToDoListQuery, ToDoListQueryVariables>(`
  query ToDoList {
    viewer {
      toDo {
        key
        kind
        title
        detail
        dueOn
        overdue
        url
        subjectId
        organisation {
          id
          name
        }
      }
    }
  }
`);
